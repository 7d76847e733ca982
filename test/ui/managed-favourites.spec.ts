/**
 * The organisation's favourites (managed configuration, docs/managed-config.md) in the
 * picker, from a real managed.json read as the app reads it: after the person's own, tagged
 * "Set by your organisation", only Invite, locked stars; accessible in light and dark.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManagedConfig } from '../../main/core/managed/load-managed';
import {
  addRoomFavorites,
  expect,
  expectNoSeriousA11yIssues,
  open,
  SIM_ROOMS,
  test as base,
} from './fixtures';

const ORG_ADDRESS = {
  kind: 'mra',
  protocol: 'sip',
  dialString: 'lobby@sip.example.com',
  label: 'Lobby',
};

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a function uses from this pattern; this one uses none.
  previewOptions: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-managed-'));
    const file = path.join(dir, 'managed.json');
    await writeFile(file, JSON.stringify({ version: 1, favorites: [ORG_ADDRESS] }), {
      mode: 0o644,
    });
    try {
      const managed = await loadManagedConfig({ file });
      if (managed.status !== 'ok') throw new Error(`managed.json not read: ${managed.status}`);
      await use({ managed });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme });

    test("the organisation's favourite follows the person's own, and cannot be changed", async ({
      page,
      preview,
    }) => {
      await addRoomFavorites(preview, [SIM_ROOMS.accepted.index]);
      await open(page, preview, 'picker');
      await page.getByRole('tab', { name: /Favourites/ }).click();
      const items = page.getByRole('list', { name: 'Favourites' }).getByRole('listitem');
      await expect(items).toHaveCount(2);
      await expect(items.first()).toContainText(SIM_ROOMS.accepted.name);
      const org = items.last();
      await expect(org).toContainText('Lobby');
      await expect(org.getByText('Set by your organisation')).toBeVisible();
      await expect(org.getByRole('button')).toHaveText(['Invite']);
      await expect(org).not.toHaveAttribute('draggable', 'true');
      await expectNoSeriousA11yIssues(page, `managed-favourite-${scheme}`);
    });
  });
}
