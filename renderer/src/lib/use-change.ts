import { useCallback, useRef, useState } from 'preact/hooks';
import { invoke } from './call';
import { canRetry } from './error-copy';
import type { IpcError, IpcResult } from '../../../main/shared/ipc/contract';

/** A change to main's data: one bridge call, which a retry sends again exactly as it was. */
export interface Change<T, K> {
  readonly send: () => Promise<IpcResult<T>>;
  /** What it concerns (a favourite's id, a room), so a page can show the failure there. */
  readonly about: K;
  /** What did not happen, in words: "Could not move … up." */
  readonly failed: string;
  /** The retry button's accessible name: "Try again: Move … up". */
  readonly retryLabel: string;
  /** After it was saved; `retried` when that was by "Try again" (focus goes back by hand). */
  readonly done?: (data: T, retried: boolean) => void;
  /** Just before the failure is shown (to decide where focus goes). */
  readonly failing?: () => void;
}

export interface ChangeFailure<K> {
  readonly error: IpcError;
  readonly about: K;
  readonly failed: string;
  readonly retryLabel: string;
  /**
   * Sends the very same change once more. Undefined where the answer would be the same
   * (main refused the input itself: a duplicate address, the organisation's favourite).
   */
  readonly retry: (() => void) | undefined;
  readonly retrying: boolean;
}

interface Failed<K> extends Omit<ChangeFailure<K>, 'retry' | 'retrying'> {
  readonly again: () => Promise<boolean>;
}

/**
 * Favourite changes with a "Try again" for the last one that failed. A new change withdraws
 * the offer (the person has moved on); a retry is one call at a time, and succeeds or fails
 * like the first attempt. Only the latest attempt's answer updates the failure shown.
 */
export function useChanges<K>(): {
  readonly run: <T>(change: Change<T, K>) => Promise<boolean>;
  readonly failure: ChangeFailure<K> | null;
  readonly clear: () => void;
  /** A change or its retry is on its way: a form's submit waits (no second send). */
  readonly busy: boolean;
} {
  const [failed, setFailed] = useState<Failed<K> | null>(null);
  const [running, setRunning] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const latest = useRef(0);
  const edits = useRef(0);
  const sending = useRef(false);

  const attempt = useCallback(
    async <T>(change: Change<T, K>, retried: boolean): Promise<boolean> => {
      latest.current += 1;
      const mine = latest.current;
      const editsBefore = edits.current;
      const result = await invoke(change.send);
      const current = mine === latest.current;
      if (result.ok) {
        if (current) setFailed(null);
        // A retry the person has since moved on from (typed, started another change) must
        // not move their focus or reset their form.
        change.done?.(result.data, retried && current && editsBefore === edits.current);
        return true;
      }
      if (current) {
        change.failing?.();
        setFailed({
          error: result.error,
          about: change.about,
          failed: change.failed,
          retryLabel: change.retryLabel,
          again: () => attempt(change, true),
        });
      }
      return false;
    },
    [],
  );

  const run = useCallback(
    async <T>(change: Change<T, K>): Promise<boolean> => {
      setFailed(null);
      setRunning(true);
      const saved = await attempt(change, false);
      setRunning(false);
      return saved;
    },
    [attempt],
  );

  /** The person changed what the failed change was about (typed): withdraw the offer. */
  const clear = useCallback(() => {
    edits.current += 1;
    setFailed(null);
  }, []);

  const failure: ChangeFailure<K> | null =
    failed === null
      ? null
      : {
          ...failed,
          retrying,
          retry: canRetry(failed.error)
            ? () => {
                if (sending.current) return;
                sending.current = true;
                setRetrying(true);
                void failed.again().finally(() => {
                  sending.current = false;
                  setRetrying(false);
                });
              }
            : undefined,
        };
  return { run, failure, clear, busy: running || retrying };
}
