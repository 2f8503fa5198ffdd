import net, { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message as received by the test server, with a minimal MIME reading of it. */
export interface ReceivedMail {
  readonly raw: string;
  readonly from: string | undefined;
  readonly to: readonly string[];
  header(name: string): string | undefined;
  /** Decoded bodies of the leaf parts, with their content type and attachment file name. */
  readonly parts: readonly { contentType: string; filename: string | undefined; body: string }[];
}

/** A real SMTP server on 127.0.0.1 (random port), without TLS or required auth. */
export async function startSmtpServer(extra: Partial<SMTPServerOptions> = {}): Promise<{ port: number; mails: ReceivedMail[]; stop(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope.mailFrom ? envelope.mailFrom.address : undefined, envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
    ...extra,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A TCP server that accepts connections and never says anything (an SMTP server that hangs). */
export async function startSilentServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just free: nothing listens on it. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function parseMail(raw: string, from: string | undefined, to: string[]): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  return { raw, from, to, header: (name) => headers.get(name.toLowerCase()), parts: leafParts(headers, body) };
}

function splitEntity(text: string): { headers: Map<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n');
  const head = (end < 0 ? text : text.slice(0, end)).replace(/\r\n(?=[ \t])/g, '');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : text.slice(end + 4) };
}

function leafParts(headers: Map<string, string>, body: string): ReceivedMail['parts'] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (contentType.startsWith('multipart/') && boundary !== undefined) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => {
        const entity = splitEntity(part.replace(/^\r\n/, ''));
        return leafParts(entity.headers, entity.body);
      });
  }
  const disposition = headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
  return [{ contentType: contentType.split(';')[0] ?? '', filename, body: decode(body, headers.get('content-transfer-encoding') ?? '7bit') }];
}

function decode(body: string, encoding: string): string {
  const trimmed = body.replace(/\r\n$/, '');
  return decodeTransfer(trimmed, encoding).replace(/\r\n/g, '\n');
}

function decodeTransfer(trimmed: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(trimmed.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
  return trimmed;
}
