import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * Pinyin spellings of a name's Chinese characters, so "binhai" and "bhds" find 滨海大厦:
 * the full syllables run together, then the initials. Empty for text without Chinese.
 * Loaded only through import(), by the picker and the popover, so pinyin-pro's dictionary
 * (about 145 KB gzipped) is a chunk of its own, never part of a page's first script.
 */
export function pinyinKey(text: string): string {
  if (!HAN.test(text)) return '';
  const syllables = pinyin(text, { type: 'all', toneType: 'none', v: true }).filter(
    (item) => item.isZh,
  );
  const full = syllables.map((item) => item.pinyin).join('');
  const initials = syllables.map((item) => item.first).join('');
  return `${full}\u0001${initials}`.toLowerCase();
}
