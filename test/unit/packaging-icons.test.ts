import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode, toRGBA8 } from 'png2icons/lib/UPNG.js';
import { describe, expect, it } from 'vitest';

/**
 * The committed icons (npm run icons renders them from build/icon.svg and build/tray.svg): every
 * file electron-builder and the tray need, at the sizes each platform asks for. Read from the
 * bytes: PNG headers, the .icns chunk list, the .ico directory.
 */

const build = path.resolve(import.meta.dirname, '../../build');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer): { width: number; height: number; colorType: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    colorType: bytes.readUInt8(25),
  };
}

function readPng(file: string) {
  return pngSize(readFileSync(path.join(build, file)));
}

/** RGBA pixels of a PNG file. */
function pixels(file: string): Uint8Array {
  const bytes = readFileSync(path.join(build, file));
  const image = decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const [frame] = toRGBA8(image);
  if (frame === undefined) throw new Error(`${file} has no image data`);
  return new Uint8Array(frame);
}

/** The sizes an .ico's directory declares, each checked against its PNG stream. */
function icoSizes(file: string): number[] {
  const ico = readFileSync(path.join(build, file));
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  const sizes: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const entry = 6 + index * 16;
    const declared = ico.readUInt8(entry) === 0 ? 256 : ico.readUInt8(entry);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const image = pngSize(ico.subarray(offset, offset + length));
    expect(image).toMatchObject({ width: declared, height: declared });
    sizes.push(declared);
  }
  return sizes;
}

describe('app icon', () => {
  it('has a 1024 px master where electron-builder looks for it', () => {
    expect(readPng('icon.png')).toMatchObject({ width: 1024, height: 1024, colorType: 6 });
  });

  it.each([1024, 512, 256, 128, 64, 48, 32, 16])('has the %i px PNG of the Linux set', (size) => {
    expect(readPng(`icons/app/${size}x${size}.png`)).toMatchObject({
      width: size,
      height: size,
      colorType: 6,
    });
  });

  it('has an .icns with every size macOS uses, 16 px to 1024 px', () => {
    const icns = readFileSync(path.join(build, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks = new Map<string, Buffer>();
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('latin1', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      chunks.set(type, icns.subarray(offset + 8, offset + length));
      offset += length;
    }
    // PNG chunks: 128, 256, 512 and their @2x (256, 512, 1024); 16@2x and 32@2x.
    const pngChunks = {
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    for (const [type, size] of Object.entries(pngChunks)) {
      const chunk = chunks.get(type);
      expect(chunk, type).toBeDefined();
      if (chunk !== undefined) expect(pngSize(chunk)).toMatchObject({ width: size, height: size });
    }
    // 16 and 32 px for older Finder views: RGB (is32/il32) with their alpha masks.
    for (const type of ['is32', 's8mk', 'il32', 'l8mk']) expect(chunks.has(type), type).toBe(true);
    expect(chunks.get('s8mk')?.length).toBe(16 * 16);
    expect(chunks.get('l8mk')?.length).toBe(32 * 32);
  });

  it('has an .ico with every size Windows shows, up to 256 px', () => {
    expect(icoSizes('icon.ico')).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});

describe('tray icons', () => {
  it.each(['tray-light', 'tray-light-calling', 'tray-dark', 'tray-dark-calling'])(
    "%s.ico holds Windows' small tray sizes at 100-200 %% scaling (native-image.md)",
    (name) => {
      expect(icoSizes(`icons/tray/${name}.ico`)).toEqual([16, 20, 24, 32, 40, 48]);
    },
  );

  const variants = [
    'trayTemplate',
    'trayCallingTemplate',
    'tray-light',
    'tray-light-calling',
    'tray-dark',
    'tray-dark-calling',
  ];

  it.each(variants)('%s comes at 16 px and 32 px (@2x)', (name) => {
    expect(readPng(`icons/tray/${name}.png`)).toMatchObject({ width: 16, height: 16 });
    expect(readPng(`icons/tray/${name}@2x.png`)).toMatchObject({ width: 32, height: 32 });
  });

  it.each(['trayTemplate', 'trayCallingTemplate'])(
    '%s is a macOS template image: black and alpha only, not blank',
    (name) => {
      for (const file of [`icons/tray/${name}.png`, `icons/tray/${name}@2x.png`]) {
        const rgba = pixels(file);
        let opaque = 0;
        for (let i = 0; i < rgba.length; i += 4) {
          const alpha = rgba[i + 3] ?? 0;
          if (alpha === 0) continue;
          opaque += 1;
          expect([rgba[i], rgba[i + 1], rgba[i + 2]], file).toEqual([0, 0, 0]);
        }
        expect(opaque).toBeGreaterThan(rgba.length / 4 / 10);
      }
    },
  );

  it('has a calling variant that differs from the idle one', () => {
    for (const [idle, calling] of [
      ['trayTemplate@2x', 'trayCallingTemplate@2x'],
      ['tray-light@2x', 'tray-light-calling@2x'],
      ['tray-dark@2x', 'tray-dark-calling@2x'],
    ]) {
      expect(Buffer.from(pixels(`icons/tray/${idle}.png`))).not.toEqual(
        Buffer.from(pixels(`icons/tray/${calling}.png`)),
      );
    }
  });

  it('draws dark on light taskbars and light on dark ones', () => {
    const meanLuminance = (file: string) => {
      const rgba = pixels(file);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if ((rgba[i + 3] ?? 0) < 128) continue;
        sum += ((rgba[i] ?? 0) + (rgba[i + 1] ?? 0) + (rgba[i + 2] ?? 0)) / 3;
        count += 1;
      }
      return sum / count;
    };
    expect(meanLuminance('icons/tray/tray-light@2x.png')).toBeLessThan(80);
    expect(meanLuminance('icons/tray/tray-dark@2x.png')).toBeGreaterThan(200);
  });
});
