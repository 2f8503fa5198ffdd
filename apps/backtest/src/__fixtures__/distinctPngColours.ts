import { inflateSync } from 'node:zlib';

/**
 * Number of distinct pixel colours of an 8-bit RGB or RGBA PNG (what Chromium's screenshots are):
 * IHDR for the size, the IDAT stream inflated, then each scanline unfiltered (PNG spec §9, filters 0–4).
 */
export function distinctPngColours(png: Buffer): number {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const bitDepth = png[24];
  const colourType = png[25];
  if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6)) throw new Error(`Unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}.`);
  const bpp = colourType === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * bpp;
  const previous = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  const colours = new Set<number>();
  for (let y = 0; y < height; y++) {
    const offset = y * (stride + 1);
    const filter = raw[offset] as number;
    for (let i = 0; i < stride; i++) {
      const x = raw[offset + 1 + i] as number;
      const a = i >= bpp ? (line[i - bpp] as number) : 0;
      const b = previous[i] as number;
      const c = i >= bpp ? (previous[i - bpp] as number) : 0;
      const predictor = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      line[i] = (x + predictor) & 0xff;
    }
    for (let i = 0; i < stride; i += bpp) colours.add(((line[i] as number) << 16) | ((line[i + 1] as number) << 8) | (line[i + 2] as number));
    previous.set(line);
  }
  return colours.size;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
