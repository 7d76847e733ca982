/**
 * The invite use-case: resolve the meeting, call the room once, follow the call until it
 * settles, cancel on request. Plain Node: no Electron, no console; progress goes out as
 * events, to a callback and to async iterators.
 */
import type { WemeetApi } from '../wemeet/api';
import { InviteError, unexpected } from './errors';
import { InviteRun } from './run';
import type { Invite, InviteEvent, InviteOptions, InviteOutcome, InviteRequest } from './types';

export { INVITE_DEFAULTS } from './run';

/** Starts an invite at once; see Invite for how to follow and cancel it. */
export function startInvite(
  api: WemeetApi,
  request: InviteRequest,
  options: InviteOptions = {},
): Invite {
  checkOptions(options);
  const controller = new AbortController();
  const external = options.signal;
  const forward = () => {
    controller.abort();
  };
  if (external?.aborted === true) controller.abort();
  else external?.addEventListener('abort', forward, { once: true });

  const log: InviteEvent[] = [];
  let wake: (() => void)[] = [];
  const emit = (event: InviteEvent) => {
    log.push(event);
    try {
      options.onProgress?.(event);
    } catch {
      // A broken progress display must not stop the call or, worse, its cancellation.
    }
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };

  const run = new InviteRun(api, request, options, controller.signal, emit);
  // Start on the next microtask: the caller holds the Invite before the first event, so an
  // onProgress handler can already call its cancel(), and a cancel() right away sends nothing.
  const done = Promise.resolve()
    .then(() => run.start())
    .then(
      (outcome) => {
        emit({ type: 'finished', outcome });
        return outcome;
      },
      (error: unknown) => {
        const failure = error instanceof InviteError ? error : unexpected(error, null, null);
        emit({ type: 'failed', error: failure });
        throw failure;
      },
    );
  // Followers of events() learn of a failure from the 'failed' event; without this, an
  // unobserved `done` would crash Node with an unhandled rejection.
  done
    .catch(() => undefined)
    .finally(() => {
      external?.removeEventListener('abort', forward);
    });

  async function* events(): AsyncGenerator<InviteEvent> {
    for (let index = 0; ;) {
      const event = log[index];
      if (event === undefined) {
        await new Promise<void>((resolve) => wake.push(resolve));
        continue;
      }
      index += 1;
      yield event;
      if (event.type === 'finished' || event.type === 'failed') return;
    }
  }

  return {
    done,
    cancel: () => {
      controller.abort();
    },
    events,
  };
}

/** The same, for callers that only want the outcome. */
export function invite(
  api: WemeetApi,
  request: InviteRequest,
  options: InviteOptions = {},
): Promise<InviteOutcome> {
  return startInvite(api, request, options).done;
}

/** Programmer errors, thrown at once: a zero interval would poll the API in a tight loop. */
function checkOptions(options: InviteOptions): void {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`${name} must be a finite number > 0`);
    }
  };
  positive('pollIntervalMs', options.pollIntervalMs);
  positive('deadlineMs', options.deadlineMs);
  const failures = options.maxPollFailures;
  if (failures !== undefined && !(Number.isInteger(failures) && failures >= 1)) {
    throw new RangeError('maxPollFailures must be an integer >= 1');
  }
  const grace = options.notCalledGraceMs;
  if (grace !== undefined && !(grace >= 0)) {
    throw new RangeError('notCalledGraceMs must be >= 0');
  }
}
