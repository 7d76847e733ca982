/** Small statistics for benchmarks: medians resist the noise of a shared machine. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export function formatRow(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
}

export function printTable(title: string, header: readonly string[], rows: readonly string[][]) {
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  console.log(`\n${title}`);
  console.log(formatRow(header, widths));
  console.log(
    formatRow(
      widths.map((width) => '-'.repeat(width)),
      widths,
    ),
  );
  for (const row of rows) console.log(formatRow(row, widths));
}
