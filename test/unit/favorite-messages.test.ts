import { describe, expect, it } from 'vitest';
import { favoriteMessages, type FavoriteMessages } from '../../main/core/store/favorite-messages';

/**
 * The favourites' messages (favorite-messages.ts) in both languages. `samples` names every
 * entry of the catalog (the mapped type makes a missing one a compile error), with arguments
 * that carry figures, so each Chinese message can be checked against its English one.
 * What the store and the app say with them is tested in store-favorites.test.ts and
 * app-input-language.test.ts.
 */

type Sample = (m: FavoriteMessages) => string;

const samples: { readonly [K in keyof FavoriteMessages]: Sample } = {
  labelNotText: (m) => m.labelNotText,
  labelControl: (m) => m.labelControl,
  labelBidi: (m) => m.labelBidi,
  labelTooLong: (m) => m.labelTooLong(100),
  roomTextNotText: (m) => m.roomTextNotText('location'),
  roomTextTooLong: (m) => m.roomTextTooLong('name', 200),
  notObject: (m) => m.notObject,
  kindInvalid: (m) => m.kindInvalid,
  protocolInvalid: (m) => m.protocolInvalid,
  entryRoom: (m) => m.entryRoom('1234567890123456789'),
  entryAddress: (m) => m.entryAddress('h323', '+861012345678'),
  entryUnknown: (m) => m.entryUnknown,
  fileTooLarge: (m) => m.fileTooLarge(2_097_152),
  fileNotReadable: (m) => m.fileNotReadable('not-utf8'),
  importNotObject: (m) => m.importNotObject,
  importWrongFormat: (m) => m.importWrongFormat('roomcall-favorites'),
  importNewerVersion: (m) => m.importNewerVersion(3, 1),
  importNoVersion: (m) => m.importNoVersion,
  importNoList: (m) => m.importNoList,
  importTooManyEntries: (m) => m.importTooManyEntries(2_600_000, 2000),
  skipExisting: (m) => m.skipExisting,
  skipRepeated: (m) => m.skipRepeated(17),
  skipFull: (m) => m.skipFull(500),
  full: (m) => m.full(500),
  notFound: (m) => m.notFound('a1b2c3'),
  outOfRange: (m) => m.outOfRange(7, 4),
  roomNotAddress: (m) => m.roomNotAddress('Everest 5F'),
  addressTaken: (m) => m.addressTaken('sip', 'room@vc.example.com', 'Boardroom 12'),
  noLongerExists: (m) => m.noLongerExists,
  managedRefused: (m) => m.managedRefused('renamed'),
};

/** How a report names an entry: not sentences, and shown only by the CLI (in English). */
const NAMES = new Set<keyof FavoriteMessages>(['entryRoom', 'entryAddress', 'entryUnknown']);

/** English words that only an untranslated sentence would hold. */
const ENGLISH =
  /\b(a|an|the|is|are|not|and|or|of|in|to|with|has|at|most|must|be|cannot|contain|text|file|entry|favourites?|already|your|this|that|room|label|position|between|version|organisation|set|by|list|bytes?|valid|object)\b/i;

/** The Chinese text without what is rightly left as written: quoted text and field names. */
function prose(text: string): string {
  return text.replace(/“[^”]*”/g, ' ').replace(/\b(kind|protocol)\b/g, ' ');
}

const cases = (Object.keys(samples) as (keyof FavoriteMessages)[]).map((key) => [key] as const);

describe('favourites messages in Chinese', () => {
  it('both catalogs have the same entries, and the samples name them all', () => {
    const keys = Object.keys(favoriteMessages.en).sort();
    expect(Object.keys(favoriteMessages['zh-CN']).sort()).toEqual(keys);
    expect(Object.keys(samples).sort()).toEqual(keys);
  });

  it.each(cases)('%s: Chinese, and as precise as the English', (key) => {
    const en = samples[key](favoriteMessages.en);
    const zh = samples[key](favoriteMessages['zh-CN']);
    expect(zh.length).toBeGreaterThan(0);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(prose(zh), zh).not.toMatch(ENGLISH);
    // Full-width punctuation: no ASCII comma, semicolon, colon or stop between words.
    expect(prose(zh), zh).not.toMatch(/[,;:!?]|\.(\s|$)|\(|\)/);
    // Every figure of the English one (counts, limits, positions, versions, IDs).
    for (const figure of en.match(/\+?\d+/g) ?? []) expect(zh).toContain(figure);
    if (NAMES.has(key)) {
      // A name inside the CLI's line, not a sentence.
      expect(zh).not.toMatch(/。/);
    } else {
      // Every Chinese sentence ends with '。': the renderer tells main's Chinese from its
      // English by it (renderer/src/i18n/locale.ts, sentenceLocale), and the English never do.
      expect(zh).toMatch(/。$/);
      expect(en).not.toMatch(/。/);
    }
  });

  it('keeps the English words the CLI prints', () => {
    const en = favoriteMessages.en;
    expect(en.labelTooLong(100)).toBe('a label has at most 100 characters');
    expect(en.skipRepeated(1)).toBe('the same as entry 1 of this file');
    expect(en.addressTaken('h323', '10.0.0.7', 'Codec')).toBe(
      "H.323 '10.0.0.7' is already in your favourites as 'Codec'.",
    );
    expect(en.managedRefused('moved')).toBe(
      'This favourite is set by your organisation and cannot be moved.',
    );
  });

  it('names what is called and quotes names as Chinese does', () => {
    const zh = favoriteMessages['zh-CN'];
    expect(zh.addressTaken('sip', 'room@vc.example.com', 'Boardroom 12')).toBe(
      'SIP 地址“room@vc.example.com”已在常用中，名称为“Boardroom 12”。',
    );
    expect(zh.entryAddress('h323', '+861012345678')).toBe('H.323 地址“+861012345678”');
    expect(zh.managedRefused('removed')).toBe('此常用项由你的组织设置，不能移除。');
    // A long name is shortened the same way in both languages.
    expect(zh.roomNotAddress('x'.repeat(200))).toContain(`“${'x'.repeat(47)}…”`);
  });
});
