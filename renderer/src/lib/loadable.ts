import type { IpcError, IpcResult } from '../../../main/shared/ipc/contract';

/** A value fetched over the bridge: not there yet, there, or refused with an error. */
export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: IpcError };

export const LOADING: Loadable<never> = { status: 'loading' };

export function fromResult<T>(result: IpcResult<T>): Loadable<T> {
  return result.ok
    ? { status: 'ready', value: result.data }
    : { status: 'error', error: result.error };
}
