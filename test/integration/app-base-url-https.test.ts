/**
 * The app with WEMEET_BASE_URL set to plain http off this computer (issue 13 item 7): refused
 * with the reason (the SecretId and signatures would travel in clear text), nothing sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from './app-harness';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the app with WEMEET_BASE_URL=http://example.com', () => {
  it('refuses it, says why, and sends nothing', async () => {
    const app = await startAppHarness({
      env: (sim) => ({
        WEMEET_APP_ID: sim.credentials.appId,
        WEMEET_SECRET_ID: sim.credentials.secretId,
        WEMEET_SECRET_KEY: sim.credentials.secretKey,
        WEMEET_OPERATOR_ID: sim.operatorId,
        WEMEET_BASE_URL: 'http://example.com',
      }),
    });
    h = app;
    for (const result of [await app.call('getAppState'), await app.call('testConnection')]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'not-configured' } });
      expect(!result.ok && result.error.message).toMatch(
        /^WEMEET_BASE_URL: must start with https:\/\/ .*SecretId and every request signature would travel in clear text/,
      );
    }
    const meeting = await app.ok('refreshCurrentMeeting');
    expect(meeting.state).toBe('error');
    expect(app.sim.requests).toEqual([]);
  });
});

describe("the app's settings", () => {
  it('refuses a plain-http base URL from a window, saying why; the saved one stays', async () => {
    const app = await startAppHarness();
    h = app;
    const refused = await app.call('updateSettings', { baseUrl: 'http://meeting.example.com' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!refused.ok && refused.error.message).toMatch(/SecretId .*clear text/);
    const view = await app.ok('getSettings');
    expect(view.settings.baseUrl).toBe(app.sim.baseUrl);
    // Loopback over http is fine: the simulator's own address, spelled as localhost.
    const local = app.sim.baseUrl.replace('127.0.0.1', 'localhost');
    await app.ok('updateSettings', { baseUrl: local });
    expect((await app.ok('getSettings')).settings.baseUrl).toBe(local);
  });
});
