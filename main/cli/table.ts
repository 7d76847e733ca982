import stringWidth from 'string-width';
import type { Output } from './output';
import { cleanCell } from './terminal-text';

/**
 * Plain-text tables for terminals. Column widths use display width, not string length: room
 * names are often Chinese, and each Han character takes two columns in a terminal.
 *
 * Apart from Output, and imported only by the commands that print tables: string-width builds
 * an Intl.Segmenter and Unicode-property regular expressions when it loads, which costs more
 * than the rest of `roomcall --help` together.
 */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  readonly align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis so one long name cannot wreck the table. */
  readonly maxWidth?: number;
}

export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) =>
    columns.map((column) => truncate(cleanCell(column.value(row)), column.maxWidth)),
  );
  const widths = columns.map((column, index) =>
    Math.max(stringWidth(column.header), ...cells.map((line) => stringWidth(line[index] ?? ''))),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => pad(cell, widths[index] ?? 0, columns[index]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...cells.map(render)].join('\n');
}

/** A table on stdout, through the output (so it is scrubbed of secrets like every write). */
export function printTable<Row>(
  output: Output,
  rows: readonly Row[],
  columns: readonly Column<Row>[],
): void {
  output.raw('stdout', `${formatTable(rows, columns)}\n`);
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

function truncate(text: string, maxWidth: number | undefined): string {
  if (maxWidth === undefined || stringWidth(text) <= maxWidth) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > maxWidth - 1) break;
    out += char;
  }
  return `${out}…`;
}
