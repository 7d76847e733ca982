import { describe, expect, it } from 'vitest';
import { createWarningLog } from '../../main/app/services/warnings';
import type { StoreWarning } from '../../main/core/store/store-warning';

const warning = (file: string): StoreWarning => ({
  document: 'favourites',
  file,
  reason: 'partly-invalid',
  movedTo: `${file}.rejected`,
  readOnly: false,
  message: `${file} had invalid entries`,
});

describe('the app warning log', () => {
  it('forgets the dismissed warnings and keeps one that arrived after they were shown', () => {
    const log = createWarningLog({ status: 'absent', file: '/nonexistent/managed.json' });
    log.addStoreWarning(warning('/data/a.json'));
    log.addStoreWarning(warning('/data/b.json'));
    const shown = log.list();
    // Arrives while the person reads the first two: not seen, so not dismissed.
    log.addStoreWarning(warning('/data/c.json'));
    log.remove(shown);
    expect(log.list().map((entry) => entry.file)).toEqual(['/data/c.json']);
    log.remove(log.list());
    expect(log.list()).toEqual([]);
  });
});
