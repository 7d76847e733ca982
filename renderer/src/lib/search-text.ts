/**
 * Text as the windows' searches compare it: lower case and full-width folded (NFKC), so "ＢＪ"
 * finds "bj" and "Marina" finds "marina". The picker's room search and the popover's favourite
 * filter fold the same way.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
