import { InvalidImage } from './image-errors';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Larger than anything gpt-image makes (1536 px); a bigger header is corrupt or hostile. */
const MAX_SIDE = 4096;
const COLOUR_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

let table: Uint32Array | undefined;
/** PNG chunk CRC (ISO 3309); also used by the test emulator to make valid PNGs. */
export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Checks that bytes are a whole PNG: the signature, a well-formed IHDR first (length 13, valid
 * CRC, sane dimensions, a legal colour type and bit depth) and the IEND chunk at the very end — so
 * a truncated download, an HTML error page or a JPEG never becomes `charts/<key>.png`.
 * Returns the dimensions; `expected` also pins them to what was requested.
 */
export function checkPng(
  bytes: Uint8Array,
  expected?: { width: number; height: number },
): { width: number; height: number } {
  if (bytes.length < 8 + 25 + 12) throw new InvalidImage(`only ${bytes.length} bytes`);
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new InvalidImage('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (view.getUint32(8) !== 13 || type !== 'IHDR') throw new InvalidImage('the first chunk is not IHDR');
  if (crc32(bytes.subarray(12, 29)) !== view.getUint32(29)) throw new InvalidImage('IHDR checksum mismatch');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
    throw new InvalidImage(`implausible size ${width}x${height}`);
  const depth = bytes[24]!;
  const colour = bytes[25]!;
  if (!COLOUR_DEPTHS[colour]?.includes(depth)) throw new InvalidImage(`colour type ${colour} with bit depth ${depth}`);
  const end = bytes.length - 12;
  if (view.getUint32(end) !== 0 || String.fromCharCode(...bytes.subarray(end + 4, end + 8)) !== 'IEND')
    throw new InvalidImage('truncated (no IEND)');
  if (expected && (width !== expected.width || height !== expected.height)) {
    throw new InvalidImage(`${width}x${height} instead of ${expected.width}x${expected.height}`);
  }
  return { width, height };
}
