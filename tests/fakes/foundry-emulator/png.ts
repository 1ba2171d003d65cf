import { deflateSync } from 'node:zlib';
import { crc32 } from '../../../api/domain/charts/png';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGB PNG from a pixel function (8-bit, no interlace), like an image model's output. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const hex = (c: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [90, 110, 200];
};

/**
 * The emulator's "illustration": a soft gradient with rounded bars whose heights follow the values
 * in the prompt and whose colour is the first series colour named there — so a test (or a person)
 * can see the picture carries the chart's numbers and is not the local renderer's output.
 */
export function paintChart(prompt: string, width: number, height: number): Buffer {
  const values = [...prompt.matchAll(/\b[A-Z][a-z]+ \d{4}: \$?(-?[\d,]+(?:\.\d+)?)/g)]
    .map((m) => Number(m[1]!.replace(/,/g, '')))
    .slice(0, 24);
  const colour = hex(/ in (#[0-9a-f]{6}):/i.exec(prompt)?.[1] ?? '#5a6ec8');
  const bars = values.length ? values : [3, 5, 4, 6, 5, 7];
  const max = Math.max(...bars.map(Math.abs), 1);
  const left = width * 0.1;
  const slot = (width * 0.8) / bars.length;
  const base = height * 0.85;
  return encodePng(width, height, (x, y) => {
    const i = Math.floor((x - left) / slot);
    const inSlot = x >= left && i < bars.length && (x - left) % slot > slot * 0.15 && (x - left) % slot < slot * 0.85;
    const top = base - (Math.abs(bars[i] ?? 0) / max) * height * 0.65;
    if (inSlot && y >= top && y <= base) return colour;
    const t = y / height;
    return [Math.round(250 - 18 * t), Math.round(246 - 10 * t), Math.round(238 + 10 * t)];
  });
}
