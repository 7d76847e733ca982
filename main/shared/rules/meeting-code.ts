/**
 * 806146667 → 806-146-667, the grouping Tencent Meeting shows: the tray, the windows, the CLI
 * and the core's messages print a code the same way. Anything but 9 digits comes back as it is.
 */
export function formatMeetingCode(code: string): string {
  return /^\d{9}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
}
