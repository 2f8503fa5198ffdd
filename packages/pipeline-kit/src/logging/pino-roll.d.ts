// pino-roll 4 ships no type declarations; this covers what Ares uses of it.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    limit?: { count?: number };
    mkdir?: boolean;
    sync?: boolean;
  }
  /** The sonic-boom file stream pino-roll returns. */
  interface RollingFileStream {
    readonly file: string | null;
    write(chunk: string): boolean;
    end(): void;
    once(event: 'ready' | 'close', listener: () => void): RollingFileStream;
    once(event: 'error', listener: (error: Error) => void): RollingFileStream;
    off(event: string, listener: (...args: never[]) => void): RollingFileStream;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFileStream>;
}
