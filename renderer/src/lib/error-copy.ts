import {
  codeFitsRequest,
  isTencentErrorCode,
  TENCENT_ERROR_CODES,
  type TencentCodeInfo,
} from '../../../main/shared/tencent-error-codes';
import { commonMessages, type CommonMessages } from '../i18n/common-messages';
import { errorMessages } from '../i18n/error-messages';
import { sentenceLocale, type Locale } from '../i18n/locale';
import { relayErrorMessages } from '../i18n/relay-error-messages';
import type { HelpTopic, IpcError } from '../../../main/shared/ipc/contract';

/**
 * What the UI says about an error, in the order the notice shows it: the specific sentence
 * (in the UI's language), what to do, then, under "Details", the code and main's own sentence
 * (often English: the server's words are inside it).
 */
export interface ErrorCopy {
  /** The headline: the most specific sentence there is in the UI's language. */
  readonly title: string;
  /** What to do next, in the UI's language. */
  readonly hint: string;
  readonly code: number | null;
  /** A help page that explains the fix, when one exists. */
  readonly help: HelpTopic | null;
  /** Whether fixing it happens in Settings (credentials, operator, keychain). */
  readonly settings: boolean;
  /** Main's own sentence when it is not the headline: shown under Details. */
  readonly detail: string | null;
  /** Main's next step for that sentence (IpcError.hint) when the hint above is another. */
  readonly detailHint: string | null;
}

/** Kinds fixed in Settings (credentials, operator, keychain): the notice offers to open it. */
const SETTINGS_KINDS: ReadonlySet<IpcError['kind']> = new Set(['not-configured', 'keychain']);

/** What was called, when known: a refused call (10004) reads differently for an address. */
export type CalledKind = 'room' | 'mra';

/** Tencent's "room call failed": for a SIP/H.323 address it is not "offline in the picker". */
const CALL_FAILED = 10004;

/** The page's language, from the catalog it passed (the two catalogs are the only ones). */
function localeOf(m: CommonMessages): Locale {
  return m === commonMessages['zh-CN'] ? 'zh-CN' : 'en';
}

/**
 * The words for an error. Bad input: main's own sentence (the parsers' and the favourites',
 * in the UI's language) is the headline. A Tencent Meeting code RoomCall knows has its own
 * words (main/shared/tencent-error-codes.ts), unless they name another request than the one
 * that failed (10002 on the room list): then which request failed. Anything else reads by
 * its kind. Main's sentence, when not the headline, goes under Details.
 */
export function describeError(
  error: IpcError,
  m: CommonMessages,
  called: CalledKind = 'room',
): ErrorCopy {
  const locale = localeOf(m);
  const own = error.message !== '' && error.kind === 'validation';
  if (own && sentenceLocale(error.message) === locale) {
    const hint = error.hint !== null && sentenceLocale(error.hint) === locale ? error.hint : null;
    return {
      title: error.message,
      hint: hint ?? m.errors.validation.hint,
      code: error.code,
      help: null,
      settings: false,
      detail: null,
      detailHint: null,
    };
  }
  const detail = error.message === '' ? null : error.message;
  // The relay or the sign-in to it (issue 17): its own words; main's sentence under Details.
  if (error.relay !== undefined) {
    const words = relayErrorMessages[locale][error.relay];
    const again = ['token-expired', 'token-revoked', 'not-signed-in', 'sign-in-again'];
    return {
      ...words,
      code: error.code,
      help: null,
      settings: again.includes(error.relay),
      detail,
      detailHint: null,
    };
  }
  const code = error.code;
  const info: TencentCodeInfo | null =
    code !== null && isTencentErrorCode(code) ? TENCENT_ERROR_CODES[code] : null;
  const request = error.request;
  if (code !== null && info !== null && isTencentErrorCode(code)) {
    // The code's words name another request than the one that failed: say which one did.
    const misfit = request !== undefined && !codeFitsRequest(info, request) ? request : null;
    const words =
      misfit !== null
        ? { title: errorMessages[locale].requestFailed[misfit], hint: m.errors.api.hint }
        : code === CALL_FAILED && called === 'mra'
          ? m.errors.addressUnavailable
          : m.codes[code];
    // The list's advice is shown translated above; main's copy of it would only repeat it.
    const detailHint = error.hint === null || error.hint === info.advice ? null : error.hint;
    return {
      title: words.title,
      hint: words.hint,
      code,
      help: info.help ?? null,
      settings: info.settings ?? false,
      detail,
      detailHint: detail === null ? null : detailHint,
    };
  }
  const words = m.errors[error.kind];
  // A refusal RoomCall has no words for: at least which request it was.
  const title =
    error.kind === 'api' && request !== undefined
      ? errorMessages[locale].requestFailed[request]
      : words.title;
  return {
    title,
    hint: words.hint,
    code: error.code,
    help: null,
    settings: SETTINGS_KINDS.has(error.kind),
    detail,
    detailHint: detail === null || error.hint === words.hint ? null : error.hint,
  };
}

/**
 * Kinds where sending the same request again can work (a busy or full disk, the keychain
 * unlocked meanwhile, a dropped connection). Main refused the request itself for the others:
 * the same input gets the same answer, so "Try again" would only fail again.
 */
const FINAL_KINDS = new Set<IpcError['kind']>([
  'validation',
  'forbidden',
  'not-configured',
  'no-meeting',
  'meeting',
]);

export function canRetry(error: IpcError): boolean {
  return !FINAL_KINDS.has(error.kind);
}

/** "Title (190300)": one line for tight places such as a call row. */
export function shortError(
  error: IpcError,
  m: CommonMessages,
  called: CalledKind = 'room',
): string {
  const copy = describeError(error, m, called);
  return copy.code === null ? copy.title : `${copy.title} (${String(copy.code)})`;
}
