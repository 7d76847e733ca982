/**
 * The verbs that need the shell around the windows: export through the save dialog (the
 * stand-in electron's, then the real atomic write) and "Copy diagnostics" (main's clipboard),
 * through the real handler table and dispatch against the simulator.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeProblem } from '../../main/app/ipc/window-scope';
import { assertNoSecrets } from '../helpers/assert-no-secrets';
import { startAppHarness, type AppHarness } from './app-harness';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

const SIP = { kind: 'mra', protocol: 'sip', dialString: '192.168.1.20', label: 'Lab' } as const;

describe('exportFavorites saves through the save dialog', () => {
  it('says saved only once the chosen file holds the favourites', async () => {
    h = await startAppHarness();
    await h.ok('addFavorite', SIP);
    const chosen = path.join(h.dataDir, 'picked', 'team.json');
    await mkdir(path.dirname(chosen));
    await writeFile(chosen, 'an older export');
    h.saveDialog.answers.push(chosen);

    expect(await h.ok('exportFavorites')).toEqual({ status: 'saved', path: chosen });
    const saved = JSON.parse(await readFile(chosen, 'utf8')) as { favorites: unknown[] };
    expect(saved.favorites).toEqual([expect.objectContaining({ dialString: '192.168.1.20' })]);
    // Replaced whole, no temporary file left beside it.
    expect(await readdir(path.dirname(chosen))).toEqual(['team.json']);
    // The dialog proposed the export's own name.
    expect(path.basename(h.saveDialog.shown[0]?.options.defaultPath ?? '')).toMatch(/\.json$/);
  });

  it('is cancelled, with nothing written, when the dialog is closed', async () => {
    h = await startAppHarness();
    await h.ok('addFavorite', SIP);
    const before = await readdir(h.dataDir);
    h.saveDialog.answers.push(null);

    expect(await h.call('exportFavorites')).toEqual({ ok: true, data: { status: 'cancelled' } });
    expect(h.saveDialog.shown).toHaveLength(1);
    expect(await readdir(h.dataDir)).toEqual(before);
  });

  it('fails in words when the file cannot be written', async () => {
    h = await startAppHarness();
    h.saveDialog.answers.push(path.join(h.dataDir, 'no-such-folder', 'team.json'));

    const result = await h.call('exportFavorites');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('storage');
    expect(result.error.message).toContain('team.json');
    expect(result.error.hint).toContain('another folder');
  });
});

describe('copyDiagnostics', () => {
  it('copies a report of versions, settings, managed status and log lines without secrets', async () => {
    h = await startAppHarness();
    await h.ok('updateSettings', { language: 'zh-CN' });
    const { secretId, secretKey, appId } = h.sim.credentials;
    h.logLines.push(
      '2026-12-03T10:00:00.000Z [roomcall] tray: no AppIndicator',
      // A line a bug let secrets into: scrubbed once more before it leaves main.
      `2026-12-03T10:00:01.000Z [roomcall] odd: secretKey=${secretKey} ${secretId}`,
    );

    const result = await h.ok('copyDiagnostics');
    expect(result.copied).toBe(true);
    expect(h.clipboard[0]).toBe(result.report);
    const { report } = result;
    expect(report).toContain('App version: 1.2.3-test');
    expect(report).toContain(`Node: ${process.versions.node}`);
    expect(report).toContain(`(${process.platform}, ${process.arch})`);
    expect(report).toContain(`AppId ${appId}`);
    expect(report).toContain('  language: "zh-CN"');
    expect(report).toContain(`  operatorId: "${h.sim.operatorId}"`);
    expect(report).toContain('Managed configuration: absent');
    expect(report).toContain('tray: no AppIndicator');
    expect(report).toContain('secretKey=[redacted]');
    const summary = await assertNoSecrets({ texts: { report } }, [secretId, secretKey]);
    expect(summary.textsScanned).toBe(1);
  });

  it('reports no credentials before setup', async () => {
    h = await startAppHarness({ configured: false });
    const { report } = await h.ok('copyDiagnostics');
    expect(report).toContain('Configured: no');
    expect(report).toContain('Credentials: none');
    expect(report).toContain('Recent log lines (0):');
  });

  it('is the settings window’s alone', () => {
    expect(scopeProblem('copyDiagnostics', 'settings')).toBeNull();
    expect(scopeProblem('copyDiagnostics', 'popover')).toMatch(/may not/);
    expect(scopeProblem('copyDiagnostics', 'picker')).toMatch(/may not/);
  });
});
