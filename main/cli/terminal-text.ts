/**
 * Server text (room names, messages) must not drive the terminal: control characters, which
 * include escape sequences' introducer, become spaces. Line breaks survive in free text and go
 * in table cells, which must stay on one line.
 */
export function clean(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
      // Text-direction controls reorder what follows on the line ("Trojan Source"): removed.
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

export function cleanCell(text: string): string {
  return clean(text).replace(/\n/g, ' ');
}
