import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asar, electronBuilderCli, projectDir, REQUIRED_FUSES } from './packaging-support';

/**
 * A real `electron-builder --linux dir` run with this project's electron-builder.yml, in a
 * scratch copy of the project. Electron's binary cannot be downloaded here, so the build is
 * given a stand-in: a file carrying Electron's fuse sentinel and a fuse wire in Electron's
 * default state, which electron-builder copies, renames and flips exactly as it would the real
 * binary. npmRebuild is off (rebuilding keytar needs Electron's headers, also a download);
 * keytar.node as compiled for Node stands in for the rebuilt one. Everything else is the real
 * thing: file selection, the production node_modules, the asar, asarUnpack, extraResources and
 * the fuses.
 */

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's wire as shipped: runAsNode, nodeOptions, inspect and file:// privileges on.
const SHIPPED_WIRE = '10110001';
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

const APP_BUNDLES = {
  'out/main/main.cjs': 'require("electron");',
  'out/main/main.cjs.map': '{}',
  'out/preload/preload.cjs': '"preload";',
  'out/renderer/index.html': '<!doctype html>',
  'out/renderer/assets/index.js': '"renderer";',
  'out/renderer/assets/index.js.map': '{}',
  'out/cli/roomcall.mjs': '"cli";',
};

const runnable = process.platform !== 'win32';
let scratch: string;
let appDir: string;
let log = '';
let status: number | null = null;
let entries: string[] = [];

function write(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeAll(() => {
  if (!runnable) return;
  scratch = mkdtempSync(path.join(tmpdir(), 'roomcall-dir-build-'));
  const project = path.join(scratch, 'project');
  const electronDist = path.join(scratch, 'electron');
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    cpSync(path.join(projectDir, file), path.join(project, file));
  }
  cpSync(path.join(projectDir, 'build'), path.join(project, 'build'), { recursive: true });
  for (const [file, content] of Object.entries(APP_BUNDLES))
    write(path.join(project, file), content);
  // Hard links: the same files at no cost in time or space. electron-builder only reads them.
  const linked = spawnSync('cp', ['-al', path.join(projectDir, 'node_modules'), project]);
  if (linked.status !== 0) {
    cpSync(path.join(projectDir, 'node_modules'), path.join(project, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  write(
    path.join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, FUSES.length]),
      Buffer.from(SHIPPED_WIRE),
    ]),
  );
  write(path.join(electronDist, 'version'), '45.5.0');
  write(path.join(electronDist, 'LICENSE'), '');
  mkdirSync(path.join(electronDist, 'resources'), { recursive: true });

  const result = spawnSync(
    process.execPath,
    [
      electronBuilderCli,
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
    ],
    {
      cwd: project,
      encoding: 'utf8',
      timeout: 240_000,
      // No signing or publishing credentials from the developer's shell reach the build.
      env: { PATH: process.env['PATH'] ?? '', HOME: scratch, CI: '' },
    },
  );
  status = result.status;
  log = `${result.stdout}\n${result.stderr}`;
  appDir = path.join(project, 'dist', 'linux-unpacked');
  if (status === 0) entries = asar.listPackage(path.join(appDir, 'resources', 'app.asar'));
}, 300_000);

afterAll(() => {
  if (runnable) rmSync(scratch, { recursive: true, force: true });
});

describe.runIf(runnable)('electron-builder --linux dir with a stand-in Electron', () => {
  it('builds', () => {
    expect(status, log).toBe(0);
  });

  it('flips every fuse as electron-builder.yml says', () => {
    const binary = readFileSync(path.join(appDir, 'roomcall'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary[at]).toBe(1);
    const wire = binary.subarray(at + 2, at + 2 + FUSES.length).toString('latin1');
    const fuses = Object.fromEntries(FUSES.map((name, index) => [name, wire[index] === '1']));
    expect(fuses).toEqual(REQUIRED_FUSES);
  });

  it('packs the app bundles and package.json into the asar, nothing else of the tree', () => {
    const own = entries.filter((entry) => !entry.startsWith('/node_modules'));
    expect(own.filter((entry) => /\.\w+$/.test(entry)).sort()).toEqual([
      '/out/main/main.cjs',
      '/out/preload/preload.cjs',
      '/out/renderer/assets/index.js',
      '/out/renderer/index.html',
      '/package.json',
    ]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    const manifest = JSON.parse(
      asar.extractFile(path.join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    ) as { main: string };
    expect(manifest.main).toBe('out/main/main.cjs');
  });

  it('packs the production dependencies and no dev tooling', () => {
    const modules = new Set(
      entries
        .map((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry)?.[1])
        .filter((name) => name !== undefined),
    );
    // Runtime dependencies that stay outside the bundle (and what they need).
    for (const name of ['keytar', 'electron-updater', 'builder-util-runtime']) {
      expect(modules, name).toContain(name);
    }
    // Bundled into out/main by esbuild, so not copied again; and dev tooling.
    for (const name of [
      'zod',
      'lossless-json',
      'commander',
      'electron',
      'electron-builder',
      'vitest',
      'esbuild',
      'typescript',
      '@resvg/resvg-js',
    ]) {
      expect(modules.has(name), name).toBe(false);
    }
  });

  it('unpacks keytar.node beside the asar', () => {
    expect(
      existsSync(
        path.join(
          appDir,
          'resources',
          'app.asar.unpacked',
          'node_modules',
          'keytar',
          'build',
          'Release',
          'keytar.node',
        ),
      ),
    ).toBe(true);
  });

  it('ships the tray images and the update configuration as resources', () => {
    for (const name of ['trayTemplate@2x.png', 'tray-light.png', 'tray-dark-calling@2x.png']) {
      expect(existsSync(path.join(appDir, 'resources', 'tray', name)), name).toBe(true);
    }
    const update = readFileSync(path.join(appDir, 'resources', 'app-update.yml'), 'utf8');
    expect(update).toContain('provider: generic');
  });
});
