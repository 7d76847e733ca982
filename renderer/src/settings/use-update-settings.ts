import { useCallback, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from '../lib/call';
import type { IpcError, SettingsView } from '../../../main/shared/ipc/contract';
import type { Settings } from '../../../main/shared/model/settings-schema';

/** One settings change at a time, with its error kept for the section that made it. */
export function useUpdateSettings(apply: (view: SettingsView) => void) {
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const update = useCallback(
    async (patch: Partial<Settings>): Promise<boolean> => {
      setBusy(true);
      const result = await invoke(() => bridge().updateSettings(patch));
      setBusy(false);
      if (result.ok) {
        setError(null);
        apply(result.data);
        return true;
      }
      setError(result.error);
      return false;
    },
    [apply],
  );
  return { update, error, busy };
}
