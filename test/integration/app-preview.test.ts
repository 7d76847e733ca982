/**
 * The web preview's server side: loopback only, the same CSP headers, the same contract
 * enforcement over HTTP as over Electron's IPC (fuzzed here too), Server-Sent Events, and the
 * preview bridge script driving a whole invite against a fresh simulator.
 */
import { execFile } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewBridge, type EventSourceLike } from '../../main/preview/client/bridge-client';
import { startSimPreview, type SimPreview, type SimPreviewOptions } from '../preview/sim-preview';
import { INVOKE_VERBS } from '../../main/shared/ipc/channels';
import { invokeContract, type CallView, type InvokeVerb } from '../../main/shared/ipc/contract';
import { nearMiss, randomValue, seededRandom, VALID_REQUESTS } from '../helpers/hostile-payloads';
import { useTempDir } from '../helpers/temp-dir';
import { simRoomFavorite } from '../helpers/sim-room-ref';

const execFileAsync = promisify(execFile);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <script type="module" src="./assets/popover.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`;

const dir = useTempDir('roomcall-preview-test-');
let bridgeScript = '';
let preview: SimPreview | null = null;

beforeAll(async () => {
  const result = await build({
    entryPoints: ['main/preview/client/preview-bridge.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  bridgeScript = result.outputFiles[0]?.text ?? '';
});

afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function start(options: SimPreviewOptions = {}): Promise<SimPreview> {
  const rendererDir = path.join(dir(), 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'popover.html'), PAGE);
  await writeFile(path.join(rendererDir, 'assets', 'popover.js'), 'export {};\n');
  const bridge = path.join(dir(), 'preview-bridge.js');
  await writeFile(bridge, bridgeScript);
  preview = await startSimPreview({
    rendererDir,
    bridgeScript: bridge,
    sim: { callTiming: { ringMs: 300 } },
    ...options,
  });
  return preview;
}

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** node:http, not fetch: fetch will not send a forged Host header. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function post(p: SimPreview, verb: string, body: string, headers: Record<string, string> = {}) {
  return raw(`${p.url}/ipc/${verb}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RoomCall-Token': p.token, ...headers },
    body,
  });
}

/** A minimal EventSource over node:http, enough for the bridge client. */
function nodeEventSource(url: string): EventSourceLike & { close(): void } {
  const listeners = new Map<string, Set<(event: { data: string }) => void>>();
  let buffer = '';
  const request = httpRequest(url, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (name !== undefined && data !== undefined) {
          for (const listener of listeners.get(name) ?? []) listener({ data });
        }
        end = buffer.indexOf('\n\n');
      }
    });
  });
  request.on('error', () => undefined);
  request.end();
  return {
    addEventListener: (type, listener) => {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
    },
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    close: () => request.destroy(),
  };
}

describe('the preview server', () => {
  it('listens on loopback only and serves pages with the CSP and the bridge script', async () => {
    const p = await start();
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await raw(p.pageUrl('popover'));
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    // The bridge comes first, as a file, so window.roomcall exists before the page's module.
    const bridgeAt = page.body.indexOf('<script src="/preview-bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(page.body.indexOf('type="module"'));
    expect(page.body).not.toMatch(/<script>[^<]/);
    const script = await raw(`${p.url}/preview-bridge.js`);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('roomcall');
    expect((await raw(`${p.url}/`)).headers.location).toBe('/popover.html');
    expect((await raw(`${p.url}/../../etc/passwd`)).status).toBe(404);
  });

  it('refuses other hosts (DNS rebinding) and requests from other sites', async () => {
    const p = await start();
    const call = (headers: Record<string, string>) => post(p, 'getAppState', '', headers);
    expect((await call({ Host: 'evil.example' })).status).toBe(403);
    expect((await call({ Host: `evil.example:${new URL(p.url).port}` })).status).toBe(403);
    expect((await call({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ Origin: 'null' })).status).toBe(403);
    expect((await call({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await call({ Origin: p.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await raw(p.pageUrl('popover'), { headers: { Host: 'attacker.test' } })).status).toBe(
      403,
    );
    expect(p.sim?.requests).toEqual([]);
  });

  it("prints its token in the pages' addresses: 256 random bits, new for every start", async () => {
    const p = await start();
    expect(p.pageUrl('popover')).toBe(`${p.url}/popover.html#token=${p.token}`);
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await start();
    expect(other.token).not.toBe(p.token);
  });

  it('refuses another local process without the token (issue 15 item 7): 403, nothing runs', async () => {
    const p = await start({ configured: false });
    // A separate process on the same machine: loopback, right Host, no Origin, as curl would.
    const script = `
      const [url, token] = process.argv.slice(1);
      const call = (verb, headers, body) =>
        fetch(url + '/ipc/' + verb, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
          .then((r) => r.status);
      const statuses = [];
      const save = JSON.stringify({ appId: '1', sdkId: null, secretId: 'a', secretKey: 'b', operatorId: 'c' });
      statuses.push(await call('getAppState', {}, ''));
      statuses.push(await call('saveCredentials', {}, save));
      statuses.push(await call('saveCredentials', { 'X-RoomCall-Token': '' }, save));
      statuses.push(await call('saveCredentials', { 'X-RoomCall-Token': token.slice(0, -1) }, save));
      statuses.push(await call('saveCredentials', { 'X-RoomCall-Token': token + 'x' }, save));
      statuses.push(await call('logout', { 'X-RoomCall-Token': token.toLowerCase() }, ''));
      statuses.push((await fetch(url + '/events')).status);
      statuses.push((await fetch(url + '/events?token=wrong')).status);
      statuses.push(await call('getAppState', { 'X-RoomCall-Token': token }, ''));
      console.log(JSON.stringify(statuses));
    `;
    const { stdout } = await execFileAsync(process.execPath, [
      '--input-type=module',
      '-e',
      script,
      p.url,
      p.token,
    ]);
    // The last one carries the token: the same process is let in with it.
    expect(JSON.parse(stdout)).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 200]);
    expect((await p.services.appState()).configured).toBe(false);
    expect(p.sim?.requests).toEqual([]);
  });

  it('enforces the contract: JSON only, POST only, known verbs, bounded bodies', async () => {
    const p = await start();
    const form = await post(p, 'setMeeting', 'text=806146667', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(
      (await post(p, 'setMeeting', 'text=806146667', { 'Content-Type': 'text/plain' })).status,
    ).toBe(415);
    expect((await post(p, 'setMeeting', '{"text":')).status).toBe(400);
    expect(
      (await post(p, 'setMeeting', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1'))).status,
    ).toBe(400);
    expect((await post(p, 'setMeeting', `${'['.repeat(10_000)}${']'.repeat(10_000)}`)).status).toBe(
      400,
    );
    expect(
      (await raw(`${p.url}/ipc/getAppState`, { headers: { 'X-RoomCall-Token': p.token } })).status,
    ).toBe(405);
    for (const verb of ['nope', '__proto__', 'constructor', '']) {
      const unknown = await post(p, verb, '');
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    const huge = await post(
      p,
      'importFavorites',
      JSON.stringify({ json: 'x'.repeat(13 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(p.sim?.requests).toEqual([]);
  });

  it('answers fuzzed payloads with validation errors and sends nothing to the API', async () => {
    const p = await start();
    const random = seededRandom(5_174);
    let sent = 0;
    for (const verb of INVOKE_VERBS) {
      const valid = VALID_REQUESTS[verb];
      for (let n = 0; n < 12;) {
        const payload =
          valid !== undefined && random() < 0.5 ? nearMiss(random, valid) : randomValue(random);
        let body: string | undefined;
        try {
          body = JSON.stringify(payload);
        } catch {
          body = undefined;
        }
        // What JSON cannot carry (BigInt, functions, undefined) never reaches the server.
        if (body === undefined) continue;
        if (!isInvalid(verb, JSON.parse(body) as unknown)) continue;
        n += 1;
        sent += 1;
        const response = await post(p, verb, body);
        // 400 for JSON nested deeper than the reader allows; a Result either way.
        expect([200, 400]).toContain(response.status);
        expect(JSON.parse(response.body)).toMatchObject({
          ok: false,
          error: { kind: 'validation' },
        });
      }
    }
    expect(sent).toBe(INVOKE_VERBS.length * 12);
    expect(p.sim?.requests).toEqual([]);
  });

  it('runs a whole invite through the bridge script, with progress as Server-Sent Events', async () => {
    const p = await start();
    const sources: { close(): void }[] = [];
    const opened: string[] = [];
    const roomcall = createPreviewBridge({
      base: p.url,
      token: p.token,
      fetch: (url, init) => fetch(url, init),
      eventSource: (url) => {
        const source = nodeEventSource(url);
        sources.push(source);
        return source;
      },
      open: (url) => opened.push(url),
    });
    try {
      const progress: CallView[] = [];
      const settled = new Promise<CallView>((resolve) => {
        roomcall.on('callProgress', (view) => {
          progress.push(view);
          if (view.settled) resolve(view);
        });
      });
      const state = await roomcall.getAppState();
      expect(state).toMatchObject({ ok: true, data: { configured: true, platform: 'web' } });
      await waitFor(() => p.services.meeting.view().state === 'one');
      // The fastest polling settings allow, so the test does not wait 2 s for the first poll.
      expect(await roomcall.updateSettings({ pollIntervalMs: 500 })).toMatchObject({ ok: true });

      const room = p.sim?.roomWithOutcome('accepted');
      if (room === undefined) throw new Error('no simulator');
      const added = await roomcall.addFavorite(simRoomFavorite(room));
      if (!added.ok) throw new Error(added.error.message);
      const started = await roomcall.startCall({ favoriteId: added.data.favorite.id });
      expect(started).toMatchObject({ ok: true, data: { phase: 'calling' } });
      const done = await settled;
      expect(done.phase).toBe('accepted');
      expect(progress.map((view) => view.phase)).toContain('ringing');

      expect(await roomcall.openWindow({ window: 'picker' })).toEqual({ ok: true, data: null });
      // The page it opens gets the token too, or its calls would be refused.
      expect(opened).toEqual([`${p.url}/picker.html#token=${p.token}`]);
      expect(p.windowActions).toEqual([{ action: 'open', window: 'picker' }]);
    } finally {
      for (const source of sources) source.close();
    }
  });

  it('starts not set up when asked, for onboarding with the demo credentials', async () => {
    const p = await start({ configured: false });
    const roomcall = createPreviewBridge({
      base: p.url,
      token: p.token,
      fetch: (url, init) => fetch(url, init),
      eventSource: () => ({
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    expect(await roomcall.getAppState()).toMatchObject({ ok: true, data: { configured: false } });
    const sim = p.sim;
    if (sim === null) throw new Error('no simulator');
    const saved = await roomcall.saveCredentials({
      ...sim.credentials,
      sdkId: null,
      operatorId: sim.operatorId,
    });
    expect(saved).toMatchObject({ ok: true, data: { configured: true } });
    expect(JSON.stringify(saved)).not.toContain(sim.credentials.secretKey);
    expect(await roomcall.testConnection()).toMatchObject({ ok: true, data: { roomCount: 40 } });
  });

  it('serves pages exactly as built when the caller brings its own bridge', async () => {
    const p = await start({ injectBridge: false });
    const page = await raw(p.pageUrl('popover'));
    expect(page.status).toBe(200);
    expect(page.body).toBe(PAGE);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('says so when the bridge script is not built', async () => {
    await expect(startSimPreview({ bridgeScript: path.join(dir(), 'missing.js') })).rejects.toThrow(
      /npm run build/,
    );
  });
});

describe('npm run preview (test/preview/main.ts)', () => {
  /** The entry as scripts/build.mjs bundles it, run with `args`. */
  async function runEntry(args: readonly string[]) {
    const outfile = path.join(dir(), 'preview.mjs');
    await build({
      entryPoints: ['test/preview/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['electron', 'keytar'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      outfile,
      logLevel: 'error',
    });
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [outfile, ...args], (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : (error.code as number | null), stdout, stderr });
      });
    });
  }

  it('prints its usage for --help and starts nothing', async () => {
    const run = await runEntry(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run preview/);
    expect(run.stdout).toContain('--not-configured');
  });

  it('refuses an unknown option or a bad port with the usage, exit 2', async () => {
    const unknown = await runEntry(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('Usage:');
    const port = await runEntry(['--port', 'nope']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port is a number from 0 to 65535');
  });
});

function isInvalid(verb: InvokeVerb, payload: unknown): boolean {
  return !invokeContract[verb].request.safeParse(payload).success;
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
