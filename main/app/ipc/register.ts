import { INVOKE_VERBS, invokeChannel } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import type { HandlerTable } from '../handlers/handler-table';
import { dispatchInvoke, FORBIDDEN, ipcFailure, type DispatchOptions } from './dispatch';
import { senderProblem, type SenderPolicy } from './sender-policy';
import type { InvokeEventLike, IpcMainLike } from './types';
import { scopeProblem } from './window-scope';

export interface RegisterOptions extends DispatchOptions {
  readonly policy: SenderPolicy;
  /** A refused sender, for the log (the window gets a 'forbidden' result). */
  readonly onRefused?: ((channel: string, reason: string) => void) | undefined;
}

/**
 * The one registration wrapper: every contract verb gets an ipcMain.handle that checks the
 * sender, then dispatches (contract parse, handler, Result). Nothing is thrown across the
 * boundary: Electron would pass only the message of an error thrown in a handler
 * (electron/electron#24427), so every outcome is a Result value instead.
 * Returns the function that removes the handlers again.
 */
export function registerInvokeHandlers(
  ipc: IpcMainLike,
  table: HandlerTable,
  options: RegisterOptions,
): () => void {
  const channels = INVOKE_VERBS.map((verb) => {
    const channel = invokeChannel(verb);
    ipc.handle(channel, (event, ...args) => handleInvoke(table, verb, event, args, options));
    return channel;
  });
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}

/** The verb scope per window (window-scope.ts), when the policy knows the windows. */
function windowProblem(
  verb: string,
  event: InvokeEventLike,
  options: RegisterOptions,
): string | null {
  const windowOf = options.policy.windowOf;
  if (windowOf === undefined) return null;
  const window = windowOf(event.sender.id);
  return window === null ? 'the sender is not one of the app windows' : scopeProblem(verb, window);
}

/** One invoke from a window; exported for tests that drive it without an ipcMain. */
export async function handleInvoke(
  table: HandlerTable,
  verb: string,
  event: InvokeEventLike,
  args: readonly unknown[],
  options: RegisterOptions,
): Promise<IpcResult<unknown>> {
  let refusal: string | null;
  try {
    refusal = senderProblem(event, options.policy) ?? windowProblem(verb, event, options);
  } catch {
    refusal = 'the sender could not be checked';
  }
  if (refusal !== null) {
    options.onRefused?.(invokeChannel(verb), refusal);
    return ipcFailure(FORBIDDEN);
  }
  // The preload passes exactly one argument (the request, undefined for verbs without one).
  if (args.length > 1) {
    return ipcFailure({
      kind: 'validation',
      message: 'The request was not valid: one argument expected.',
      code: null,
      hint: null,
    });
  }
  return dispatchInvoke(table, verb, args[0], options);
}
