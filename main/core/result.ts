/**
 * The outcome of an operation that can fail in an expected way (bad input, a refused lookup):
 * callers branch on `ok` instead of catching, and the message is ready to show a person.
 * The app's IPC layer maps this to its own envelope; the CLI prints `message` as is.
 */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string): Result<T> {
  return { ok: false, message };
}
