import type { IpcError, IpcResult } from '../../../main/shared/ipc/contract';

/**
 * Runs one bridge call and never throws: a rejected promise (the preview's connection
 * dropped, the preload is missing) becomes a network or internal IpcError the UI can show.
 */
export async function invoke<T>(run: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await run();
  } catch (cause: unknown) {
    return { ok: false, error: transportError(cause) };
  }
}

function transportError(cause: unknown): IpcError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const network = cause instanceof TypeError || /fetch|network|connect/i.test(message);
  return { kind: network ? 'network' : 'internal', message, code: null, hint: null };
}
