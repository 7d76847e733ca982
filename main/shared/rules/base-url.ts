/**
 * The API's base URL: its default and the one check a setting must pass. The settings schema
 * (main) refuses what the settings window's field (renderer) marks as wrong, with this function.
 */

/** Tencent Meeting's public API. Private deployments and the simulator set their own. */
export const DEFAULT_BASE_URL = 'https://api.meeting.qq.com';

/**
 * An http or https URL, without control characters (the URL parser silently drops a pasted
 * line break inside one, so the saved text would not be the address used). Surrounding spaces
 * are the caller's to trim.
 */
export function isBaseUrl(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(text)) return false;
  const url = URL.parse(text);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}
