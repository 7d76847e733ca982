import { existsSync, readdirSync, readFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import {
  fakePackager,
  fileMatcher,
  loadBuilderConfig,
  moduleFiles,
  productionModules,
  projectDir,
  type FileFilter,
  type FilterStat,
  type NodeModuleInfo,
} from './packaging-support';

/**
 * What `electron-builder` would put in the app, computed with electron-builder's own matchers
 * and dependency collector over this tree (building the package itself needs Electron's binary,
 * which cannot be downloaded here). The bundles scripts/build.mjs will write for the app are
 * added as virtual files where they are not built yet, so the check does not depend on how
 * far the app's code has come.
 */

const identity = (pattern: string) => pattern;

const virtualDir: FilterStat = {
  isDirectory: () => true,
  isFile: () => false,
  isSymbolicLink: () => false,
};
const virtualFile: FilterStat = {
  isDirectory: () => false,
  isFile: () => true,
  isSymbolicLink: () => false,
};

/** Build outputs, including the ones that must stay out of the app. */
const VIRTUAL_BUILD_OUTPUT = [
  'out/main/main.cjs',
  'out/main/main.cjs.map',
  'out/preload/preload.cjs',
  'out/preload/preload.cjs.map',
  'out/renderer/index.html',
  'out/renderer/assets/index.js',
  'out/renderer/assets/index.js.map',
  'out/cli/roomcall.mjs',
  'out/cli/roomcall.mjs.map',
  'out/cli/roomcall-main.mjs',
  'out/sim/sim.mjs',
  'out/bench/bench.mjs',
];

/** Walks like electron-builder's walker: a folder the filter refuses is not entered. */
function walk(filter: FileFilter, relative = ''): string[] {
  const dir = path.join(projectDir, relative);
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const child = relative === '' ? name : `${relative}/${name}`;
    if (child === 'node_modules') continue; // copied separately, from the dependency collector
    const absolute = path.join(projectDir, child);
    // Other suites run alongside this one and may remove a file between readdir and lstat.
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    if (stat === undefined || !filter(absolute, stat)) continue;
    if (stat.isDirectory()) found.push(...walk(filter, child));
    else found.push(child);
  }
  return found;
}

function acceptsVirtual(filter: FileFilter, file: string): boolean {
  const parts = file.split('/');
  for (let depth = 1; depth < parts.length; depth += 1) {
    const folder = parts.slice(0, depth).join('/');
    if (!filter(path.join(projectDir, folder), virtualDir)) return false;
  }
  return filter(path.join(projectDir, file), virtualFile);
}

let config: Configuration;
let packaged: string[];

beforeAll(async () => {
  config = await loadBuilderConfig();
  const [main] = fileMatcher.getMainFileMatchers(
    projectDir,
    path.join(projectDir, 'app'),
    identity,
    {},
    fakePackager(config),
    path.join(projectDir, config.directories?.output ?? 'dist'),
    false,
  );
  if (main === undefined) throw new Error('electron-builder returned no file matcher');
  const filter = main.createFilter();
  const real = walk(filter);
  const virtual = VIRTUAL_BUILD_OUTPUT.filter((file) => acceptsVirtual(filter, file));
  packaged = [...new Set([...real, ...virtual])].sort();
});

describe('the app’s own files', () => {
  it('include package.json and the main, preload and renderer bundles', () => {
    expect(packaged).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/main.cjs',
        'out/preload/preload.cjs',
        'out/renderer/index.html',
        'out/renderer/assets/index.js',
      ]),
    );
  });

  it('include the entry point package.json names', () => {
    const { main } = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(packaged).toContain(main);
  });

  it('are nothing but those bundles and package.json', () => {
    const stray = packaged.filter(
      (file) => file !== 'package.json' && !/^out\/(main|preload|renderer)\//.test(file),
    );
    expect(stray).toEqual([]);
  });

  it('leave out source maps', () => {
    expect(packaged.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('leave out sources, tests, scripts, docs, build resources and tool configs', () => {
    const forbidden =
      /^(main|test|scripts|docs|build|renderer|\.github|\.ci|\.toolchain|test-results|dist)\//;
    expect(packaged.filter((file) => forbidden.test(file))).toEqual([]);
    for (const file of [
      'electron-builder.yml',
      'tsconfig.json',
      'vitest.config.ts',
      'package-lock.json',
    ]) {
      expect(packaged).not.toContain(file);
    }
  });

  it('leave out the CLI, the simulator and the benchmarks', () => {
    expect(packaged.filter((file) => /^out\/(cli|sim|bench)\//.test(file))).toEqual([]);
  });
});

describe('production dependencies', () => {
  let modules: NodeModuleInfo[];
  let names: Set<string>;
  let manifest: { dependencies: Record<string, string>; devDependencies: Record<string, string> };

  beforeAll(async () => {
    manifest = JSON.parse(
      readFileSync(path.join(projectDir, 'package.json'), 'utf8'),
    ) as typeof manifest;
    modules = await productionModules('roomcall');
    names = new Set(modules.map((module) => module.name));
  }, 60_000);

  it('include every runtime dependency, keytar and electron-updater among them', () => {
    for (const name of Object.keys(manifest.dependencies)) expect(names, name).toContain(name);
    expect(names).toContain('keytar');
    expect(names).toContain('electron-updater');
  });

  it('leave out the build and test tooling', () => {
    for (const name of [
      'electron',
      'electron-builder',
      'app-builder-lib',
      'esbuild',
      'typescript',
      'vitest',
      'playwright',
      'eslint',
      'prettier',
      '@resvg/resvg-js',
      'png2icons',
      'ajv',
      'preact',
    ]) {
      expect(names.has(name), `${name} would be packaged`).toBe(false);
    }
  });

  it('contain a dev dependency only where a runtime dependency needs it', () => {
    const needed = new Set(
      modules.flatMap((module) => {
        const pkg = JSON.parse(readFileSync(path.join(module.dir, 'package.json'), 'utf8')) as {
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
        };
        return [
          ...Object.keys(pkg.dependencies ?? {}),
          ...Object.keys(pkg.optionalDependencies ?? {}),
        ];
      }),
    );
    const devOnly = Object.keys(manifest.devDependencies).filter(
      (name) => names.has(name) && !needed.has(name) && !(name in manifest.dependencies),
    );
    expect(devOnly).toEqual([]);
  });

  it('ship keytar’s native library and unpack it from the asar, and nothing else of keytar', async () => {
    const keytar = modules.find((module) => module.name === 'keytar');
    if (keytar === undefined) throw new Error('keytar is not a production dependency');
    const { files, metadata } = await moduleFiles(config, keytar);
    const native = files.filter((file) => file.endsWith('.node'));
    expect(native.map((file) => path.relative(keytar.dir, file))).toEqual([
      path.join('build', 'Release', 'keytar.node'),
    ]);
    expect(files.some((file) => file.includes(`${path.sep}src${path.sep}`))).toBe(false);

    const [unpack] =
      fileMatcher.getFileMatchers(config, 'asarUnpack', projectDir, {
        macroExpander: identity,
        customBuildOptions: {},
        globalOutDir: path.join(projectDir, 'dist'),
        defaultSrc: projectDir,
      }) ?? [];
    if (unpack === undefined) throw new Error('no asarUnpack patterns');
    const unpacked = unpack.createFilter();
    const stat = (file: string): FilterStat => {
      const found = metadata.get(file);
      if (found === undefined) throw new Error(`no metadata for ${file}`);
      return found;
    };
    for (const file of native) expect(unpacked(file, stat(file)), file).toBe(true);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(unpacked(file, stat(file)), file).toBe(false);
  });
});

describe('extra resources', () => {
  it('carry every tray image to resources/tray', () => {
    const [tray] =
      fileMatcher.getFileMatchers(config, 'extraResources', path.join(projectDir, 'resources'), {
        macroExpander: identity,
        customBuildOptions: {},
        globalOutDir: path.join(projectDir, 'dist'),
        defaultSrc: projectDir,
      }) ?? [];
    if (tray === undefined) throw new Error('no extraResources');
    expect(tray.from).toBe(path.join(projectDir, 'build', 'icons', 'tray'));
    const filter = tray.createFilter();
    const images = readdirSync(tray.from).filter((name) =>
      filter(path.join(tray.from, name), lstatSync(path.join(tray.from, name))),
    );
    // 12 PNGs (macOS templates, Linux) and the four Windows .ico files.
    expect(images).toHaveLength(16);
    expect(images).toEqual(
      expect.arrayContaining(['trayTemplate.png', 'trayTemplate@2x.png', 'tray-dark.ico']),
    );
    expect(existsSync(path.join(tray.from, 'tray-dark-calling@2x.png'))).toBe(true);
  });
});
