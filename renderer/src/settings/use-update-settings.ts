import { useCallback } from 'preact/hooks';
import { bridge } from '../bridge';
import { useAction } from '../lib/use-action';
import type { SettingsView } from '../../../main/shared/ipc/contract';
import type { Settings } from '../../../main/shared/model/settings-schema';

export type SettingsChange = ReturnType<typeof useUpdateSettings>;

/** One settings change at a time, with its error kept for the section that made it. */
export function useUpdateSettings(apply: (view: SettingsView) => void) {
  const { busy, error, run } = useAction();
  const update = useCallback(
    async (patch: Partial<Settings>): Promise<boolean> => {
      const result = await run(() => bridge().updateSettings(patch));
      if (result.ok) apply(result.data);
      return result.ok;
    },
    [apply, run],
  );
  return { update, error, busy };
}
