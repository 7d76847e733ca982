import { act, cleanup, configure, waitFor } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { EventName, EventPayloadOf } from '../../main/shared/ipc/contract';
import { installFakeBridge, sampleWorld, type FakeBridge, type FakeWorld } from './fake-bridge';
import { installRealBridge, type RealBridge, type RealBridgeOptions } from './real-bridge';

// The real bridge's answers cross real HTTP, a real data folder and main's timers: on a loaded
// two-core machine that can take more than testing-library's default second. Waiting longer
// costs nothing when the answer comes (waitFor returns as soon as it holds).
configure({ asyncUtilTimeout: 5_000 });

const running = new Set<RealBridge>();

afterEach(async () => {
  cleanup();
  // The windows are gone: stop the app and the simulator behind them.
  const stopping = [...running].map((real) => real.close());
  running.clear();
  await Promise.all(stopping);
});

/**
 * The app's real handler table over a fresh loopback simulator, as window.roomcall; stopped
 * after the test. Favourites, settings and the like are set through `real.harness.ok(...)`
 * before rendering, as a window would have saved them.
 */
export async function withRealBridge(options: RealBridgeOptions = {}): Promise<RealBridge> {
  const real = await installRealBridge(options);
  running.add(real);
  return real;
}

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
