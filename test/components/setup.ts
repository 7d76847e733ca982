import { act, cleanup, waitFor } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { EventName, EventPayloadOf } from '../../main/shared/ipc/contract';
import { installFakeBridge, sampleWorld, type FakeBridge, type FakeWorld } from './fake-bridge';

afterEach(() => {
  cleanup();
});

/** A fresh double per test, with the sample world changed by `edit` first. */
export function withBridge(edit: (world: FakeWorld) => void = () => undefined): FakeBridge {
  const world = sampleWorld();
  edit(world);
  return installFakeBridge(world);
}

/** Pushes an event inside act(), so Preact has re-rendered when it returns. */
export async function push<E extends EventName>(
  fake: FakeBridge,
  event: E,
  payload: EventPayloadOf<E>,
): Promise<void> {
  await act(() => {
    fake.emit(event, payload);
  });
}

/** Waits until every pending bridge answer has been rendered. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export { waitFor };
