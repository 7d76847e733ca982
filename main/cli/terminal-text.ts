/**
 * Server text (room names, messages) must not drive the terminal: control characters, which
 * include escape sequences' introducer, become spaces. Line breaks survive in free text and go
 * in table cells, which must stay on one line.
 */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

export function cleanCell(text: string): string {
  return clean(text).replace(/\n/g, ' ');
}
