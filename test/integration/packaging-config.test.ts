import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load as parseYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import {
  loadBuilderConfig,
  projectDir,
  REQUIRED_FUSES,
  schemePath,
  validateWithElectronBuilder,
} from './packaging-support';

/**
 * electron-builder.yml, checked without an Electron binary: against electron-builder's own
 * schema (twice: with electron-builder's validator exactly as a build runs it, and with a
 * stricter ajv that coerces nothing), then every promise the packaging issue makes about it.
 */

let config: Configuration;
let raw: unknown;

beforeAll(async () => {
  config = await loadBuilderConfig();
  raw = parseYaml(await readFile(path.join(projectDir, 'electron-builder.yml'), 'utf8'));
});

/** A target list as { target, arch[] } entries, whatever shorthand the file uses. */
function targets(value: unknown): { target: string; arch: string[] }[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((entry) => {
    if (typeof entry === 'string') return { target: entry, arch: [] };
    const { target, arch } = entry as { target: string; arch?: string | string[] };
    return { target, arch: arch === undefined ? [] : Array.isArray(arch) ? arch : [arch] };
  });
}

describe('electron-builder.yml against electron-builder’s own schema', () => {
  it('is the configuration electron-builder loads', () => {
    expect(config.appId).toBe('com.roomcall.app');
    expect(config.productName).toBe('RoomCall');
  });

  it('passes electron-builder’s validation, as run by every build', async () => {
    await expect(validateWithElectronBuilder(config)).resolves.toBeUndefined();
  });

  it('passes the schema with no type coercion either', async () => {
    const schema = JSON.parse(await readFile(schemePath, 'utf8')) as object;
    // strict: false because the schema uses electron-builder's "typeof" keyword for functions.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a mistake: the validator is not a rubber stamp', async () => {
    const broken = { ...config, mac: { ...config.mac, LSUIElement: true } } as Configuration;
    await expect(validateWithElectronBuilder(broken)).rejects.toThrow(/configuration\.mac\b/);
  });
});

describe('electron fuses (the Electron-app issue’s security checklist)', () => {
  it('are all set as required', () => {
    // Plus the ad-hoc signature reset, so an unsigned Apple-silicon build still launches after
    // its fuses are flipped (not a fuse in the binary, an instruction to electron-builder).
    expect(config.electronFuses).toEqual({ ...REQUIRED_FUSES, resetAdHocDarwinSignature: true });
  });

  it('have the asar they rely on', () => {
    expect(config.asar).toBe(true);
  });
});

describe('macOS', () => {
  it('builds dmg and zip for arm64 and x64', () => {
    const mac = targets(config.mac?.target);
    expect(mac.map((it) => it.target).sort()).toEqual(['dmg', 'zip']);
    for (const target of mac) expect(target.arch.sort()).toEqual(['arm64', 'x64']);
  });

  it('is a menu-bar app with a minimum system version and a category', () => {
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.mac?.minimumSystemVersion).toMatch(/^1[3-9]\.\d+$/);
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('uses the hardened runtime with entitlements that allow V8’s JIT', async () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const plist = await readFile(path.join(projectDir, 'build/entitlements.mac.plist'), 'utf8');
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    // Every <key> is followed by its value: a well-formed dict.
    expect(plist.match(/<key>/g)).toHaveLength(plist.match(/<true\/>|<false\/>/g)?.length ?? 0);
  });

  it('notarizes with credentials from the environment only', () => {
    expect(config.mac?.notarize).toBe(true);
  });
});

describe('Windows', () => {
  it('builds a one-click, per-user NSIS installer for x64 and arm64', () => {
    const win = targets(config.win?.target);
    expect(win).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis?.oneClick).toBe(true);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
  });

  it('adds a Start menu entry and no desktop shortcut', () => {
    expect(config.nsis?.createStartMenuShortcut).toBe(true);
    expect(config.nsis?.createDesktopShortcut).toBe(false);
  });
});

describe('Linux', () => {
  it('builds an AppImage and a deb that depends on libsecret', () => {
    expect(targets(config.linux?.target).map((it) => it.target)).toEqual(['AppImage', 'deb']);
    expect(config.deb?.depends).toContain('libsecret-1-0');
    expect(config.linux?.category).toBe('Office');
  });

  it('names the .desktop file after package.json’s desktopName (the Wayland app id)', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { desktopName?: string };
    expect(pkg.desktopName).toBe(`${config.appId ?? ''}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('keeps electron-builder’s default deb dependencies, since setting depends replaces them', () => {
    for (const dependency of ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6']) {
      expect(config.deb?.depends).toContain(dependency);
    }
  });
});

describe('signing, updates and secrets', () => {
  it('names no secret: signing material comes from the environment', async () => {
    const file = await readFile(path.join(projectDir, 'electron-builder.yml'), 'utf8');
    const text = file.replace(/^\s*#.*$/gm, '');
    const keys = [...text.matchAll(/^\s*([A-Za-z]+):/gm)].map((match) => match[1]);
    for (const key of ['cscLink', 'cscKeyPassword', 'certificatePassword', 'appleIdPassword']) {
      expect(keys).not.toContain(key);
    }
    expect(text).not.toMatch(/-----BEGIN|\.p12\b|\.pfx\b/);
  });

  it('publishes to a generic feed whose URL a release overrides', () => {
    expect(config.publish).toMatchObject({ provider: 'generic' });
    const { url } = config.publish as { url: string };
    expect(new URL(url).protocol).toBe('https:');
  });

  it('unpacks the native keychain module and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });
});
