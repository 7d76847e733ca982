import type { Failure } from '../failures';
import type { Output } from '../output';

/**
 * The live check's part of `roomcall auth status`, said the same way in both modes (direct:
 * a signed Tencent read; relay: GET /v1/me): what passed or failed differs, how it is told not.
 */

type Check = { readonly ok: true } | ({ readonly ok: false } & Failure);

/** The check as `--json` prints it: null when none ran, the server's code when it failed. */
export function checkJson(
  check: Check | null,
): { ok: true } | { ok: false; code: number | null; message: string; hint: string | null } | null {
  if (check === null) return null;
  return check.ok
    ? { ok: true }
    : { ok: false, code: check.code, message: check.message, hint: check.hint };
}

/** A failed check in words: the message, and what to do next under it. */
export function printCheckFailure(out: Output, failure: Failure): void {
  out.line(`Check:       FAILED: ${failure.message}`);
  if (failure.hint !== null) out.line(`             ${failure.hint}`);
}
