import { describe, expect, it } from 'vitest';
import { InvalidImage } from '../../../../api/domain/charts/image-errors';
import { checkPng } from '../../../../api/domain/charts/png';
import { encodePng } from '../../../fakes/foundry-emulator/png';

const png = encodePng(30, 20, (x) => [x * 8, 100, 200]);

describe('PNG validation of upstream images', () => {
  it('accepts a whole PNG and reads its IHDR dimensions', () => {
    expect(checkPng(png)).toEqual({ width: 30, height: 20 });
    expect(checkPng(png, { width: 30, height: 20 })).toEqual({ width: 30, height: 20 });
  });

  const rejects: Array<[string, Uint8Array, RegExp]> = [
    [
      'an HTML error page',
      new TextEncoder().encode('<html><body>502 Bad Gateway</body></html>'.padEnd(80, ' ')),
      /bytes|signature/,
    ],
    ['a JPEG', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(0)]), /signature/],
    ['a truncated download', png.subarray(0, png.length - 20), /IEND/],
    ['a corrupted header', Uint8Array.from(png).map((b, i) => (i === 17 ? b ^ 0xff : b)), /checksum/],
    ['an empty body', new Uint8Array(0), /bytes/],
  ];
  for (const [what, bytes, reason] of rejects) {
    it(`rejects ${what}`, () => {
      expect(() => checkPng(bytes)).toThrow(InvalidImage);
      expect(() => checkPng(bytes)).toThrow(reason);
    });
  }

  it('rejects a valid PNG of another size than was asked for, and absurd sizes', () => {
    expect(() => checkPng(png, { width: 1536, height: 1024 })).toThrow(/30x20 instead of 1536x1024/);
    const huge = Uint8Array.from(png);
    new DataView(huge.buffer).setUint32(16, 100_000);
    expect(() => checkPng(huge)).toThrow(InvalidImage);
  });

  it('is a retryable domain error (the chart falls back, the model is asked again later)', () => {
    const error = (() => {
      try {
        checkPng(new Uint8Array(3));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'invalid_image', retryable: true });
  });
});
