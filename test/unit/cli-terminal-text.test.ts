import { describe, expect, it } from 'vitest';
import { clean, cleanCell } from '../../main/cli/terminal-text';

/** Server and file text on the terminal: no control may move the cursor or reorder the line. */
describe('terminal text', () => {
  it.each([
    ['U+202E (right-to-left override)', '\u202E'],
    ['U+202A', '\u202A'],
    ['U+202D', '\u202D'],
    ['U+2066 (isolate)', '\u2066'],
    ['U+2069', '\u2069'],
    ['U+200E (LRM)', '\u200E'],
    ['U+200F (RLM)', '\u200F'],
    ['U+061C (ALM)', '\u061C'],
  ])('removes the text-direction control %s', (_, control) => {
    expect(clean(`Room ${control}gpj.exe`)).toBe('Room gpj.exe');
    expect(cleanCell(`a${control}\nb`)).toBe('a b');
  });

  it.each([
    ['U+0085 (NEXT LINE, C1)', '\u0085'],
    ['U+009B (CSI, C1)', '\u009B'],
    ['U+001B (ESC, C0)', '\u001B'],
    ['U+007F (DEL)', '\u007F'],
    ['U+0000', '\u0000'],
  ])('turns the control %s into a space', (_, control) => {
    expect(clean(`a${control}b`)).toBe('a b');
  });

  it('keeps Arabic, Hebrew and Chinese text as written', () => {
    for (const text of ['غرفة الاجتماعات', 'חדר ישיבות', '长城厅 5F'])
      expect(clean(text)).toBe(text);
  });
});
