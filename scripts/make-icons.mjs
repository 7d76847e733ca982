// Renders every icon RoomCall ships from two SVG sources (`npm run icons`):
//   build/icon.svg  -> build/icon.png (1024), build/icon.icns, build/icon.ico,
//                      build/icons/app/NxN.png (the Linux icon set, every size we publish)
//   build/tray.svg  -> build/icons/tray/: macOS template images (black + alpha) and
//                      Windows/Linux images for light and dark taskbars, idle and calling
// The outputs are committed, so packaging needs neither this script nor its dependencies;
// test/unit/packaging-icons.test.ts checks they exist with the right sizes.
//
// resvg rasterises each size from the vector (sharper than downscaling one bitmap); png2icons
// writes the .icns, including the PackBits-encoded 16/32 px entries older Finder views read.
// The .ico is written here: PNG-compressed entries, each rendered at its own size.
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const build = 'build';
const appDir = join(build, 'icons', 'app');
const trayDir = join(build, 'icons', 'tray');

/** Sizes of the app icon PNG set (Linux icon theme sizes and everything the docs list). */
const APP_SIZES = [1024, 512, 256, 128, 64, 48, 32, 16];
/** Sizes inside the Windows .ico: shell small/medium/large icons at 100-200 % scaling. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/**
 * Sizes inside the Windows tray .ico files: the small icon at 100/125/150/200 % scaling and the
 * large one's first steps (docs/api/native-image.md: "On Windows, you can also load ICO icons
 * from file paths. For best visual effects, it is recommended to include at least" these), so
 * Windows picks an exact size instead of blurring the 16 or 32 px PNG at 125-150 %.
 */
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48];
/**
 * Up to this size the app icon is cropped to its body: the Apple grid's 100 px margin would
 * waste a quarter of a 16 px icon. Larger sizes keep the grid (macOS draws them as they are).
 */
const CROP_AT_OR_BELOW = 64;

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

function appSvg(size) {
  const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
  return size <= CROP_AT_OR_BELOW
    ? svg.replace('viewBox="0 0 1024 1024"', 'viewBox="100 100 824 824"')
    : svg;
}

/** An .ico whose entries are PNG streams (read by Windows since Vista). */
function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, png } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((it) => it.png)]);
}

/**
 * The tray glyph in one colour scheme. The SVG's own <style> block names the classes; this
 * replaces it, so the drawing itself is never edited by string surgery.
 */
function traySvg({ glyph, accent, calling }) {
  const svg = readFileSync(join(build, 'tray.svg'), 'utf8');
  const style = [
    `.glyph { fill: ${glyph}; }`,
    `.glyph-stroke { fill: none; stroke: ${glyph}; }`,
    `.accent { fill: ${accent}; }`,
    `.accent-stroke { fill: none; stroke: ${accent}; }`,
    `.calling { display: ${calling ? 'inline' : 'none'}; }`,
    `.idle { display: ${calling ? 'none' : 'inline'}; }`,
  ].join('\n');
  const replaced = svg.replace(/<style>[\s\S]*?<\/style>/, `<style>\n${style}\n</style>`);
  if (replaced === svg) throw new Error('build/tray.svg has no <style> block to colour');
  return replaced;
}

/** name prefix -> colours. Calling variants on Windows/Linux get a green accent. */
const TRAY_SCHEMES = [
  // macOS template images: black and alpha only; macOS tints them for light/dark menu bars.
  // The file name must end in "Template" for Electron to mark them as templates.
  { idle: 'trayTemplate', calling: 'trayCallingTemplate', glyph: '#000000', accent: '#000000' },
  // For light taskbars and panels (Windows light theme, most GNOME/KDE light themes).
  {
    idle: 'tray-light',
    calling: 'tray-light-calling',
    glyph: '#1F1F1F',
    accent: '#1F1F1F',
    callingAccent: '#15803D',
  },
  // For dark taskbars (Windows 10/11 default, dark panels).
  {
    idle: 'tray-dark',
    calling: 'tray-dark-calling',
    glyph: '#FFFFFF',
    accent: '#FFFFFF',
    callingAccent: '#4ADE80',
  },
];

function main() {
  rmSync(join(build, 'icons'), { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  mkdirSync(trayDir, { recursive: true });

  for (const size of APP_SIZES) {
    writeFileSync(join(appDir, `${size}x${size}.png`), render(appSvg(size), size));
  }
  const master = render(appSvg(1024), 1024);
  writeFileSync(join(build, 'icon.png'), master);

  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (icns == null) throw new Error('png2icons could not encode build/icon.icns');
  writeFileSync(join(build, 'icon.icns'), icns);

  const ico = encodeIco(ICO_SIZES.map((size) => ({ size, png: render(appSvg(size), size) })));
  writeFileSync(join(build, 'icon.ico'), ico);

  for (const scheme of TRAY_SCHEMES) {
    for (const calling of [false, true]) {
      const name = calling ? scheme.calling : scheme.idle;
      const accent = calling ? (scheme.callingAccent ?? scheme.accent) : scheme.accent;
      const svg = traySvg({ glyph: scheme.glyph, accent, calling });
      writeFileSync(join(trayDir, `${name}.png`), render(svg, 16));
      writeFileSync(join(trayDir, `${name}@2x.png`), render(svg, 32));
      // Windows only reads .ico for its tray; macOS uses the template PNGs.
      if (!name.endsWith('Template')) {
        const entries = TRAY_ICO_SIZES.map((size) => ({ size, png: render(svg, size) }));
        writeFileSync(join(trayDir, `${name}.ico`), encodeIco(entries));
      }
    }
  }
  console.log(`icons written to ${build}/icon.{png,icns,ico} and ${build}/icons/`);
}

main();
