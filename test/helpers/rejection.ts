/**
 * The error `promise` rejects with, once it is known to be a `type`, so a test can go on to
 * check its fields. A promise that resolves, or rejects with anything else, fails the test
 * here, saying what came instead.
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof type))
    throw new Error(`expected a rejection with ${type.name}, got ${String(error)}`);
  return error;
}
