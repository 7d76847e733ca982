// Builds everything into out/ with esbuild: each entry becomes one self-contained file, which
// the sandboxed preload requires (it cannot load other modules); the CLI alone is split, so that
// its start loads only what the command needs (scripts/cli-build.ts). Type checking is
// `npm run typecheck`'s job, not the bundler's.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { ESM_REQUIRE_BANNER, cliBuildTargets } from './cli-build.ts';
import { inlinePage } from './inline-page.mjs';

rmSync('out', { recursive: true, force: true });

// Native and Electron-provided modules stay outside the bundles.
const external = ['electron', 'keytar'];

const esmBanner = ESM_REQUIRE_BANNER;

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  ...cliBuildTargets('out/cli'),
  {
    ...node,
    entryPoints: { sim: 'test/sim/main.ts' },
    outdir: 'out/sim',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmBanner },
  },
  {
    ...node,
    entryPoints: { bench: 'test/bench/bench.ts', 'bench-ui': 'test/bench/bench-ui.ts' },
    outdir: 'out/bench',
    // Playwright drives the browser budgets; it is loaded from node_modules, not bundled.
    external: [...external, 'playwright', 'playwright-core'],
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmBanner },
  },
];

// ── app: Electron main process, preload, web preview ────────────────────────────────────
// main.cjs: CommonJS, as Electron loads package.json "main"; Electron's own modules, the
// native keytar and electron-updater (shipped in node_modules by electron-builder) stay out.
// preload.cjs: ONE CommonJS file with only `electron` external, because a sandboxed preload
// cannot require anything else. The preview (npm run preview) is a dev tool: ESM for Node,
// plus the browser-side bridge script its pages load.
targets.push(
  {
    ...node,
    entryPoints: { main: 'main/app/electron/main.ts' },
    outdir: 'out/main',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron', 'keytar', 'electron-updater'],
  },
  {
    ...node,
    entryPoints: { preload: 'main/preload/preload.ts' },
    outdir: 'out/preload',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    target: 'chrome120',
    external: ['electron'],
  },
  {
    ...node,
    // The simulator-backed entry: the preview (main/preview) takes its API by address.
    entryPoints: { preview: 'test/preview/main.ts' },
    outdir: 'out/preview',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmBanner },
  },
  {
    ...node,
    entryPoints: { 'preview-bridge': 'main/preview/client/preview-bridge.ts' },
    outdir: 'out/preview',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    external: [],
  },
);
// ── end app ─────────────────────────────────────────────────────────────────────────────

// ── renderer: the Preact pages (popover, picker, settings) ──────────────────────────────
// One ESM bundle and one CSS file per page, so the popover's first script never carries the
// picker's code or zod; pinyin-pro's dictionary is a lazy chunk either page loads after its
// first paint (the popover only when a favourite's name has Chinese in it). Each page's HTML is copied next to its assets; the
// pages' CSP allows only 'self' scripts and styles, so nothing is inlined.
const rendererPages = ['popover', 'picker', 'settings'];

/** @param {string} page @returns {import('esbuild').Plugin} */
const copyPageHtml = (page) => ({
  name: `copy-${page}-html`,
  setup(builder) {
    builder.onEnd((result) => {
      if (result.errors.length > 0) return;
      mkdirSync('out/renderer', { recursive: true });
      copyFileSync(`renderer/${page}.html`, `out/renderer/${page}.html`);
    });
  },
});

targets.push(
  ...rendererPages.map((page) => ({
    entryPoints: { [page]: `renderer/src/${page}/main.tsx` },
    outdir: 'out/renderer/assets',
    // pinyin-pro's dictionary (both pages' search) and the core's dial-string parser (whose
    // module builds zod schemas) are chunks of their own, loaded after the first paint.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: /** @type {const} */ ('browser'),
    format: /** @type {const} */ ('esm'),
    // Electron 45 ships Chromium 142; the preview runs in a current Chromium too.
    target: 'chrome120',
    minify: true,
    sourcemap: /** @type {const} */ ('linked'),
    jsx: /** @type {const} */ ('automatic'),
    jsxImportSource: 'preact',
    legalComments: /** @type {const} */ ('none'),
    logLevel: /** @type {const} */ ('warning'),
    plugins: [copyPageHtml(page)],
  })),
);
// ── end renderer ──────────────────────────────────────────────────────────────────────────

await Promise.all(targets.map((options) => build(options)));
// The popover's first screen is the one with a budget (50 ms): its script and stylesheet go
// inside its page, allowed by hash. The picker and settings keep theirs as files.
inlinePage('popover');
