/**
 * The API's base URL: its default and the one check every place that sets one applies (the
 * settings schema in main, so the settings file, the managed configuration, WEMEET_BASE_URL and
 * `roomcall auth login --base-url`; the settings window's field in the renderer, as you type).
 */

/** Tencent Meeting's public API. Private deployments and the simulator set their own. */
export const DEFAULT_BASE_URL = 'https://api.meeting.qq.com';

/**
 * Why a base URL cannot be used:
 * - `not-a-url`: not an http(s) URL, or it holds control characters (the URL parser silently
 *   drops a pasted line break inside one, so the saved text would not be the address used);
 * - `not-https`: plain http to a host other than this machine. Every request carries the
 *   SecretId (X-TC-Key) and a signature over the body; over http anyone on the path reads them,
 *   and the meeting IDs and rooms with them. Loopback never leaves the machine, so http stays
 *   allowed there (the simulator, a local proxy).
 */
export type BaseUrlProblem = 'not-a-url' | 'not-https';

/**
 * A loopback host as the WHATWG URL parser leaves it: 127.0.0.0/8 (the parser has already
 * turned 127.1 or 0x7f.1 into dotted decimal), [::1], or the name localhost (RFC 6761 §6.3:
 * resolvers answer it with loopback addresses).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** null when `text` may be used as the base URL. Surrounding spaces are the caller's to trim. */
export function baseUrlProblem(text: string): BaseUrlProblem | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'not-a-url';
  const url = URL.parse(text);
  if (url === null) return 'not-a-url';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'not-a-url';
  return isLoopbackHost(url.hostname) ? null : 'not-https';
}

export function isBaseUrl(text: string): boolean {
  return baseUrlProblem(text) === null;
}

/**
 * The problem in English (the settings file's and managed file's reports, the CLI): what is
 * wrong, why, and what to use instead. The settings window says the same in its own catalog.
 */
export function baseUrlProblemMessage(problem: BaseUrlProblem): string {
  return problem === 'not-https'
    ? 'must start with https:// (plain http only for this machine: 127.0.0.1, ::1 or localhost), ' +
        'because over http the SecretId and every request signature would travel in clear text; ' +
        `use ${DEFAULT_BASE_URL} or your deployment's https address`
    : `expected an https URL such as ${DEFAULT_BASE_URL}`;
}
