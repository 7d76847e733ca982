import { describe, expect, it, vi } from 'vitest';
import {
  createUpdateController,
  type UpdateClock,
  type UpdaterEvents,
  type UpdaterPort,
} from '../../main/app/updates/update-controller';
import type { UpdatePhase } from '../../main/app/updates/update-policy';

const timing = { firstCheckDelayMs: 1_000, intervalMs: 10_000, retryAfterErrorMs: 3_000 };

/** A clock whose time moves only when the test says so. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: UpdateClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    pending: () => [...timers.values()].map((timer) => timer.at - now),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort(([, a], [, b]) => a.at - b.at)[0];
        if (due === undefined) break;
        const [id, timer] = due;
        timers.delete(id);
        now = timer.at;
        timer.callback();
        // Let the check's promise chain run.
        await Promise.resolve();
        await Promise.resolve();
      }
      now = until;
    },
  };
}

/** An updater whose feed answers what the test scripts. */
function fakePort() {
  let events: UpdaterEvents | null = null;
  const answers: (() => void)[] = [];
  const port = {
    feedUrl: null as string | null,
    autoInstallOnAppQuit: null as boolean | null,
    checks: 0,
    installs: 0,
    unsubscribed: false,
    setFeedUrl(url: string) {
      port.feedUrl = url;
    },
    checkForUpdates: vi.fn(() => {
      port.checks += 1;
      const answer = answers.shift();
      if (answer === undefined) return Promise.resolve();
      try {
        answer();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
    setAutoInstallOnAppQuit(value: boolean) {
      port.autoInstallOnAppQuit = value;
    },
    quitAndInstall() {
      port.installs += 1;
    },
    subscribe(handlers: UpdaterEvents) {
      events = handlers;
      return () => {
        port.unsubscribed = true;
      };
    },
    /** What the next check finds. */
    willAnswer(answer: (events: UpdaterEvents) => void) {
      answers.push(() => {
        if (events === null) throw new Error('not subscribed');
        answer(events);
      });
    },
    willFail(message: string) {
      answers.push(() => {
        throw new Error(message);
      });
    },
    emit(): UpdaterEvents {
      if (events === null) throw new Error('not subscribed');
      return events;
    },
  } satisfies UpdaterPort & Record<string, unknown>;
  return port;
}

function setup(canRestart = { now: true }) {
  const time = manualClock();
  const port = fakePort();
  const ready: string[] = [];
  const phases: UpdatePhase['kind'][] = [];
  const createPort = vi.fn(() => port);
  const controller = createUpdateController({
    feedUrl: 'https://updates.corp.example/roomcall',
    createPort,
    canRestartNow: () => canRestart.now,
    onReady: (update) => ready.push(update.version),
    onPhase: (phase) => phases.push(phase.kind),
    clock: time.clock,
    timing,
  });
  return { time, port, ready, phases, controller, createPort, canRestart };
}

describe('update controller', () => {
  it('stays off, and never creates the updater, without a feed URL', async () => {
    const createPort = vi.fn(() => fakePort());
    for (const feedUrl of [null, '', 'http://plain.example/feed/']) {
      const controller = createUpdateController({
        feedUrl,
        createPort,
        canRestartNow: () => true,
        onReady: () => undefined,
      });
      expect(controller.enabled).toBe(false);
      controller.start();
      await controller.checkNow();
      controller.beforeQuit();
      expect(controller.restartToUpdate()).toMatchObject({ ok: false, reason: 'no-update' });
    }
    expect(createPort).not.toHaveBeenCalled();
  });

  it('points the updater at the feed and arms install-on-quit for electron-updater', () => {
    const { controller, port } = setup();
    controller.start();
    expect(controller.feedUrl).toBe('https://updates.corp.example/roomcall/');
    expect(port.feedUrl).toBe('https://updates.corp.example/roomcall/');
    expect(port.autoInstallOnAppQuit).toBe(true);
  });

  it('checks after the start-up delay, then on every interval', async () => {
    const { controller, port, time } = setup();
    port.willAnswer((events) => {
      events.notAvailable();
    });
    controller.start();
    await time.advance(999);
    expect(port.checks).toBe(0);
    await time.advance(1);
    expect(port.checks).toBe(1);
    expect(controller.phase()).toEqual({ kind: 'idle' });
    expect(time.pending()).toEqual([10_000]);
    await time.advance(10_000);
    expect(port.checks).toBe(2);
    await time.advance(10_000);
    expect(port.checks).toBe(3);
  });

  it('goes from checking to downloading to ready, announcing once', async () => {
    const { controller, port, time, ready, phases } = setup();
    port.willAnswer((events) => {
      events.available('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    expect(controller.phase()).toEqual({ kind: 'downloading', version: '1.3.0' });
    port.emit().downloaded('1.3.0');
    expect(ready).toEqual(['1.3.0']);
    expect(phases).toEqual(['checking', 'downloading', 'ready']);
    controller.callStateChanged();
    expect(ready).toEqual(['1.3.0']);
    // Nothing more to check for until the update is installed.
    expect(time.pending()).toEqual([]);
  });

  it('holds the announcement while a call rings and makes it when the call settles', async () => {
    const { controller, port, time, ready, canRestart } = setup({ now: false });
    port.willAnswer((events) => {
      events.available('1.3.0');
      events.downloaded('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    expect(controller.phase()).toMatchObject({ kind: 'ready', announced: false });
    expect(ready).toEqual([]);
    canRestart.now = true;
    controller.callStateChanged();
    expect(ready).toEqual(['1.3.0']);
  });

  it('never installs on quit mid-call, and does when nothing rings', async () => {
    const { controller, port, time, canRestart } = setup({ now: false });
    port.willAnswer((events) => {
      events.available('1.3.0');
      events.downloaded('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    controller.beforeQuit();
    expect(port.autoInstallOnAppQuit).toBe(false);
    canRestart.now = true;
    controller.beforeQuit();
    expect(port.autoInstallOnAppQuit).toBe(true);
  });

  it('does not install on quit an update that is still downloading', async () => {
    const { controller, port, time } = setup();
    port.willAnswer((events) => {
      events.available('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    controller.beforeQuit();
    expect(port.autoInstallOnAppQuit).toBe(false);
  });

  it('restarts to update on request only when allowed', async () => {
    const { controller, port, time, canRestart } = setup({ now: false });
    expect(controller.restartToUpdate()).toMatchObject({ ok: false, reason: 'no-update' });
    port.willAnswer((events) => {
      events.available('1.3.0');
      events.downloaded('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    expect(controller.restartToUpdate()).toMatchObject({ ok: false, reason: 'busy' });
    expect(port.installs).toBe(0);
    canRestart.now = true;
    expect(controller.restartToUpdate()).toEqual({ ok: true, version: '1.3.0' });
    expect(port.installs).toBe(1);
  });

  it('reports a failed check in one line and retries after the error delay', async () => {
    const { controller, port, time } = setup();
    port.willFail('net::ERR_NAME_NOT_RESOLVED\n<html>a whole error page</html>');
    controller.start();
    await time.advance(1_000);
    expect(controller.phase()).toEqual({ kind: 'failed', message: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(time.pending()).toEqual([3_000]);
    await time.advance(3_000);
    expect(port.checks).toBe(2);
    expect(controller.phase()).toEqual({ kind: 'idle' });
  });

  it('reports a failed download through the error event and retries', async () => {
    const { controller, port, time } = setup();
    port.willAnswer((events) => {
      events.available('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    port.emit().error('sha512 checksum mismatch');
    expect(controller.phase()).toEqual({ kind: 'failed', message: 'sha512 checksum mismatch' });
    expect(time.pending()).toEqual([3_000]);
  });

  it('keeps a downloaded update when a later error event arrives', async () => {
    const { controller, port, time } = setup();
    port.willAnswer((events) => {
      events.available('1.3.0');
      events.downloaded('1.3.0');
    });
    controller.start();
    await time.advance(1_000);
    port.emit().error('late error');
    expect(controller.phase()).toMatchObject({ kind: 'ready', version: '1.3.0' });
  });

  it('checks now on request, but not on top of a running check or download', async () => {
    const { controller, port, time } = setup();
    controller.start();
    port.willAnswer((events) => {
      events.available('1.3.0');
    });
    await controller.checkNow();
    expect(port.checks).toBe(1);
    await controller.checkNow();
    expect(port.checks).toBe(1);
    await time.advance(60_000);
    expect(port.checks).toBe(1);
  });

  it('stops: no more checks, events unsubscribed', async () => {
    const { controller, port, time } = setup();
    controller.start();
    controller.stop();
    await time.advance(60_000);
    expect(port.checks).toBe(0);
    expect(port.unsubscribed).toBe(true);
    expect(time.pending()).toEqual([]);
  });
});
