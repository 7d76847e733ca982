import { useCallback, useState } from 'preact/hooks';
import { invoke } from './call';
import type { IpcError, IpcResult } from '../../../main/shared/ipc/contract';

/**
 * A button's or a form's bridge call: `busy` while it is on its way (the control is disabled,
 * so no second send), and the last attempt's error for the notice beside it (null once one
 * succeeds). `run` answers the result for the caller to use.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const run = useCallback(async <T>(send: () => Promise<IpcResult<T>>) => {
    setBusy(true);
    const result = await invoke(send);
    setBusy(false);
    setError(result.ok ? null : result.error);
    return result;
  }, []);
  return { busy, error, run };
}
