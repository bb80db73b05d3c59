import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, encodePng } from './png';

/** CRC-32 as the PNG specification spells it out, independent of the encoder's zlib.crc32. */
function specCrc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  typeAndData: Buffer;
}

function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    chunks.push({
      type: typeAndData.subarray(0, 4).toString('latin1'),
      data: typeAndData.subarray(4),
      crc: png.readUInt32BE(at + 8 + length),
      typeAndData,
    });
    at += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  const width = 7;
  const height = 5;
  // A 2x2 red square at (3,1) on white.
  const png = encodePng(width, height, (x, y) =>
    x >= 3 && x < 5 && y >= 1 && y < 3 ? [255, 0, 0] : [255, 255, 255],
  );

  it('writes the signature, then IHDR, IDAT and IEND, each with a correct CRC', () => {
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const chunk of chunks) expect(chunk.crc).toBe(specCrc32(chunk.typeAndData));
  });

  it('declares its size as 8-bit truecolour, not interlaced', () => {
    const header = chunksOf(png)[0]!.data;
    expect(header).toHaveLength(13);
    expect(header.readUInt32BE(0)).toBe(width);
    expect(header.readUInt32BE(4)).toBe(height);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
  });

  it('holds the pixels it was given, row by row', () => {
    const raw = inflateSync(chunksOf(png)[1]!.data);
    const rowLength = 1 + width * 3;
    expect(raw).toHaveLength(rowLength * height);
    const pixel = (x: number, y: number) => [
      ...raw.subarray(y * rowLength + 1 + x * 3, y * rowLength + 4 + x * 3),
    ];
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
    expect(pixel(3, 1)).toEqual([255, 0, 0]);
    expect(pixel(4, 2)).toEqual([255, 0, 0]);
    expect(pixel(5, 2)).toEqual([255, 255, 255]);
    for (let y = 0; y < height; y += 1) expect(raw[y * rowLength]).toBe(0);
  });

  it('refuses a size that is no image', () => {
    expect(() => encodePng(0, 5, () => [0, 0, 0])).toThrow(/at least 1; got 0x5/);
    expect(() => encodePng(2.5, 5, () => [0, 0, 0])).toThrow(/whole width and height/);
  });
});
