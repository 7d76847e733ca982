import { eventChannel } from '../../shared/ipc/channels';
import { eventContract, type EventName, type EventPayloadOf } from '../../shared/ipc/contract';
import { plainDataProblem } from './plain-data';
import { containsSecret } from './secret-guard';
import type { WebContentsLike } from './types';

/** Receives every event that passed the checks: the windows, the preview's pages, a test. */
export type EventSink = (name: EventName, payload: unknown) => void;

export interface EventHubOptions {
  /** Parse every payload with the contract (development and tests; cheap enough anywhere). */
  readonly validate: boolean;
  readonly secrets?: (() => readonly string[]) | undefined;
  /** An event that was not sent, and why (a bug: the log or the test should say so). */
  readonly onDropped?: ((name: string, reason: string) => void) | undefined;
}

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void;
  subscribe(sink: EventSink): () => void;
}

/**
 * Contract events from the services to every subscriber. Each payload is checked once, here:
 * plain data, no secret, and (when `validate`) the contract's schema. A sink that throws is
 * the sink's problem and never reaches the service that emitted.
 */
export function createEventHub(options: EventHubOptions): EventHub {
  const sinks = new Set<EventSink>();
  const drop = (name: string, reason: string) => {
    options.onDropped?.(name, reason);
  };
  return {
    emit(name, payload) {
      let checked: unknown = payload;
      if (options.validate) {
        const parsed = eventContract[name].safeParse(payload);
        if (!parsed.success) {
          drop(name, `does not match the contract: ${parsed.error.message.slice(0, 500)}`);
          return;
        }
        checked = parsed.data;
      }
      const problem = plainDataProblem(checked);
      if (problem !== null) {
        drop(name, `not plain data: ${problem}`);
        return;
      }
      if (containsSecret(checked, options.secrets?.() ?? [])) {
        drop(name, 'it contains a secret');
        return;
      }
      for (const sink of sinks) {
        try {
          sink(name, checked);
        } catch (error) {
          drop(name, `a sink failed: ${error instanceof Error ? error.message : 'unknown'}`);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}

/** A sink that sends each event to every live window of the app. */
export function windowSink(windows: () => Iterable<WebContentsLike>): EventSink {
  return (name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }
  };
}
