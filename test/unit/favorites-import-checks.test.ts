import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  planFavoritesImport,
} from '../../main/core/store/favorites-import';

const file = (favorites: unknown[]) => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  favorites,
});

/** Issue 14 item 8: an import checks room IDs as the API has them, and says what it skipped. */
describe('importing favourites checks what it adds', () => {
  it('skips a room ID that is not a decimal string, and says which and why', () => {
    const plan = planFavoritesImport(
      file([
        { kind: 'room', meetingRoomId: 'abc', name: 'Everest' },
        { kind: 'room', meetingRoomId: '1234567890123456789', name: 'K2' },
      ]),
      [],
    );
    expect(plan.add).toEqual([
      expect.objectContaining({ kind: 'room', meetingRoomId: '1234567890123456789' }),
    ]);
    expect(plan.skippedCount).toBe(1);
    expect(plan.skipped).toEqual([
      {
        position: 1,
        entry: expect.any(String) as unknown,
        reason: "A meeting room ID has digits only (e.g. 1234567890123456789); 'abc' contains 'a'.",
      },
    ]);
  });

  it('gives the reason in Chinese for a Chinese window', () => {
    const plan = planFavoritesImport(file([{ kind: 'room', meetingRoomId: 'abc' }]), [], 'zh-CN');
    expect(plan.skipped[0]?.reason).toBe(
      '会议室 ID 只能包含数字（例如 1234567890123456789），“abc”包含字符“a”。',
    );
  });

  it('adds an E.164 number written with spaces as its digits', () => {
    const plan = planFavoritesImport(
      file([{ kind: 'mra', protocol: 'h323', dialString: '+86 10 1234 5678', label: 'Beijing' }]),
      [],
    );
    expect(plan.skipped).toEqual([]);
    expect(plan.add).toEqual([
      expect.objectContaining({ protocol: 'h323', dialString: '+861012345678', label: 'Beijing' }),
    ]);
  });
});
