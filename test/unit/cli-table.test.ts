import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../main/cli/table';

interface Row {
  id: string;
  name: string;
}

const columns = [
  { header: 'ID', value: (row: Row) => row.id },
  { header: 'NAME', value: (row: Row) => row.name, maxWidth: 12 },
];

describe('formatTable', () => {
  it('aligns columns by display width, counting Han characters as two columns', () => {
    const text = formatTable(
      [
        { id: '1', name: '长城厅' },
        { id: '22', name: 'Everest' },
      ],
      columns,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('ID  NAME');
    expect(lines[1]).toBe('1   长城厅');
    expect(lines[2]).toBe('22  Everest');
  });

  it('cuts long cells to the column maximum with an ellipsis', () => {
    const text = formatTable([{ id: '1', name: '深圳滨海大厦十八楼大会议室' }], columns);
    const cell = text.split('\n')[1]?.slice(4) ?? '';
    expect(stringWidth(cell)).toBeLessThanOrEqual(12);
    expect(cell.endsWith('…')).toBe(true);
  });

  it('replaces control characters so server data cannot inject terminal escapes', () => {
    const text = formatTable([{ id: '1', name: 'a\u001b[31mb' }], columns);
    expect(text).not.toContain('\u001b');
  });
});

describe('terminal text', () => {
  it('keeps line breaks in free text and removes them from table cells', async () => {
    const { clean, cleanCell } = await import('../../main/cli/terminal-text');
    expect(clean('a\nb\u0007c')).toBe('a\nb c');
    expect(cleanCell('a\nb\u0007c')).toBe('a b c');
  });
});
