/**
 * The CLI on a managed machine (docs/managed-config.md): a real managed.json, found through
 * ROOMCALL_MANAGED_CONFIG, read by `roomcall` as the app reads it. The organisation's
 * favourites listed after the person's own and callable, changes to them refused, locked
 * settings refused by `auth login`, a broken file warned about and nothing from it applied,
 * and the WEMEET_* variables still winning over everything.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_APP_ID, SIM_EXAMPLE_ROOM_ID, SIM_SECRET_ID, SIM_SECRET_KEY } from '../sim/index';
import { jsonOf, ROOM_CALL, startCliHarness, type CliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** Writes `content` (an object as JSON, or raw text) as a managed.json IT would deploy (0644). */
async function managedFile(content: object | string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'roomcall-managed-'));
  folders.push(folder);
  const file = path.join(folder, 'managed.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  await chmod(file, 0o644);
  return file;
}

const ORG_FAVORITES = [
  { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID, name: 'Everest', label: 'Board room' },
  { kind: 'mra', protocol: 'sip', dialString: 'room-12@sip.example.com', label: 'Lab' },
];

interface FavoriteJson {
  position: number;
  id: string;
  kind: string;
  label: string | null;
  managed: boolean;
}

/** The simulator's WEMEET_* variables plus the managed file. */
function withManaged(cli: CliHarness, file: string): Record<string, string> {
  return { ...cli.env, ROOMCALL_MANAGED_CONFIG: file };
}

async function listJson(cli: CliHarness, env: Record<string, string>): Promise<FavoriteJson[]> {
  const result = await cli.run(['favorites', 'list', '--json'], { env });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return jsonOf<FavoriteJson[]>(result);
}

describe("roomcall favorites with the organisation's", () => {
  it('lists them after the own ones, numbered on, flagged managed, in the table and in JSON', async () => {
    const h = await harness();
    const env = withManaged(h, await managedFile({ version: 1, favorites: ORG_FAVORITES }));
    await h.run(['favorites', 'add', '--sip', 'desk@vc.example.com', '--label', 'Desk'], { env });

    expect(
      (await listJson(h, env)).map((item) => [item.position, item.id, item.label, item.managed]),
    ).toEqual([
      [1, expect.any(String), 'Desk', false],
      [2, 'org-1', 'Board room', true],
      [3, 'org-2', 'Lab', true],
    ]);

    const table = await h.run(['favorites', 'list'], { env });
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+NAME\s+TYPE\s+CALLS\s+LOCATION\s+ID\s+SET BY$/);
    expect(lines[1]).toMatch(/^1\s+Desk\s+SIP\s+desk@vc\.example\.com\s+[0-9a-f]+$/);
    expect(lines[2]).toMatch(/^2\s+Board room\s+room\s+\d+\s+org-1\s+organisation$/);
    expect(lines[3]).toMatch(/^3\s+Lab\s+SIP\s+room-12@sip\.example\.com\s+org-2\s+organisation$/);

    // Never written to the person's own file.
    const file = JSON.parse(await readFile(path.join(h.dataDir, 'favorites.json'), 'utf8')) as {
      items: unknown[];
    };
    expect(file.items).toHaveLength(1);
  });

  it("an organisation's favourite the person also saved is listed once, as theirs", async () => {
    const h = await harness();
    const env = withManaged(h, await managedFile({ favorites: ORG_FAVORITES }));
    await h.run(['favorites', 'add', '--sip', 'room-12@sip.example.com', '--label', 'My lab'], {
      env,
    });
    expect((await listJson(h, env)).map((item) => [item.label, item.managed, item.id])).toEqual([
      ['My lab', false, expect.not.stringMatching(/^org-/)],
      ['Board room', true, 'org-1'],
    ]);
  });

  it('invite --favorite calls one of them, by label, id or position; never the same one twice', async () => {
    const h = await harness();
    const env = withManaged(h, await managedFile({ favorites: ORG_FAVORITES }));
    const byLabel = await h.run(
      ['invite', '--meeting', '806146667', '--favorite', 'board room', '--json'],
      { env },
    );
    expect(byLabel.code).toBe(0);
    expect(jsonOf<{ target: unknown }>(byLabel).target).toEqual({
      kind: 'room',
      meeting_room_id: SIM_EXAMPLE_ROOM_ID,
      name: 'Board room',
    });
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);

    const byId = await h.run(['invite', '--meeting', '806146667', '--favorite', 'org-2'], { env });
    expect(byId.code).toBe(0);
    const byPosition = await h.run(['invite', '--meeting', '806146667', '--favorite', '1'], {
      env,
    });
    expect(byPosition.code).toBe(0);
    // Position 1 is the board room again, still ringing from the first invite: one ring only.
    expect(byPosition.stdout).toContain('Already ringing: Board room');
    const bodies = h
      .requestsTo('PUT', ROOM_CALL)
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.['meeting_room_id']).toBe(SIM_EXAMPLE_ROOM_ID);
    expect(bodies[1]?.['mra_address']).toEqual({
      protocol: 1,
      dial_string: 'room-12@sip.example.com',
    });
  });

  it('remove, rename and move refuse them with the organisation message, exit 2, nothing changed', async () => {
    const h = await harness();
    const env = withManaged(h, await managedFile({ favorites: ORG_FAVORITES }));
    await h.run(['favorites', 'add', '--sip', 'desk@vc.example.com', '--label', 'Desk'], { env });
    const before = await readFile(path.join(h.dataDir, 'favorites.json'), 'utf8');

    const cases: [string[], string][] = [
      [['favorites', 'remove', 'org-1'], 'removed'],
      [['favorites', 'rm', 'Lab'], 'removed'],
      [['favorites', 'rename', '2', 'Mine'], 'renamed'],
      [['favorites', 'move', 'Board room', '1'], 'moved'],
    ];
    for (const [argv, change] of cases) {
      const result = await h.run(argv, { env });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `roomcall: This favourite is set by your organisation and cannot be ${change}.\n`,
      );
    }
    expect(await readFile(path.join(h.dataDir, 'favorites.json'), 'utf8')).toBe(before);
    expect((await listJson(h, env)).map((item) => item.label)).toEqual([
      'Desk',
      'Board room',
      'Lab',
    ]);

    // An own favourite cannot be moved among the organisation's either.
    const among = await h.run(['favorites', 'move', 'Desk', '2'], { env });
    expect(among.code).toBe(2);
    expect(among.stderr).toBe(
      "roomcall: Position 2 is not between 1 and 1.\n  Your own favourites come first; the organisation's follow them and cannot be moved.\n",
    );

    // The person's own still can be changed.
    expect((await h.run(['favorites', 'rename', 'Desk', 'My desk'], { env })).code).toBe(0);
    expect((await h.run(['favorites', 'remove', 'My desk'], { env })).code).toBe(0);
  });
});

describe('a managed file with a problem', () => {
  it('is printed as a warning once, applies nothing, and fails no command', async () => {
    const h = await harness();
    const broken = await managedFile('{"favorites": [');
    const env = withManaged(h, broken);
    await h.run(['favorites', 'add', '--sip', 'desk@vc.example.com', '--label', 'Desk'], { env });

    const listed = await h.run(['favorites', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toBe(
      `roomcall: warning: The managed configuration ${broken} was not applied: it is not valid JSON.\n`,
    );
    expect(jsonOf<FavoriteJson[]>(listed).map((item) => item.label)).toEqual(['Desk']);

    const invite = await h.run(['invite', '--meeting', '806146667', '--favorite', 'Desk'], { env });
    expect(invite.code).toBe(0);
    expect(invite.stderr.match(/was not applied/g)).toHaveLength(1);
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('a file with a secret in it is refused whole: not even its favourites', async () => {
    const h = await harness();
    const file = await managedFile({ favorites: ORG_FAVORITES, secretKey: 'oops' });
    const result = await h.run(['favorites', 'list', '--json'], { env: withManaged(h, file) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `roomcall: warning: The managed configuration ${file} was not applied:`,
    );
    expect(result.stderr).not.toContain('oops');
    expect(jsonOf<unknown[]>(result)).toEqual([]);
  });
});

describe('managed settings in the CLI', () => {
  it('the base URL and operator come from the file; WEMEET_* variables still win', async () => {
    const h = await harness();
    const file = await managedFile({
      settings: { baseUrl: h.sim.baseUrl },
      operatorIdPattern: h.sim.operatorId,
      locked: ['baseUrl', 'operatorId'],
    });
    const credentialsOnly = {
      WEMEET_APP_ID: SIM_APP_ID,
      WEMEET_SECRET_ID: SIM_SECRET_ID,
      WEMEET_SECRET_KEY: SIM_SECRET_KEY,
      ROOMCALL_MANAGED_CONFIG: file,
    };
    const status = await h.run(['auth', 'status', '--json'], { env: credentialsOnly });
    expect(status.code).toBe(0);
    expect(jsonOf(status)).toMatchObject({
      configured: true,
      operator_id: h.sim.operatorId,
      operator_source: 'organisation',
      base_url: h.sim.baseUrl,
      base_url_source: 'organisation',
      check: { ok: true },
    });
    const text = await h.run(['auth', 'status'], { env: credentialsOnly });
    expect(text.stdout).toContain(`Base URL:    ${h.sim.baseUrl} (set by your organisation)`);

    const invite = await h.run(
      ['invite', '--meeting', '806146667', '--room', SIM_EXAMPLE_ROOM_ID],
      {
        env: credentialsOnly,
      },
    );
    expect(invite.code).toBe(0);
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);

    // A locked managed base URL that goes nowhere loses to WEMEET_BASE_URL, and the locked
    // operator to WEMEET_OPERATOR_ID (automation gets exactly what it set).
    const elsewhere = await managedFile({
      settings: { baseUrl: 'http://127.0.0.1:9/' },
      operatorIdPattern: 'someone-else',
      locked: ['baseUrl', 'operatorId'],
    });
    const envWins = await h.run(['auth', 'status', '--json'], {
      env: withManaged(h, elsewhere),
    });
    expect(envWins.code).toBe(0);
    expect(jsonOf(envWins)).toMatchObject({
      operator_id: h.sim.operatorId,
      operator_source: 'environment',
      base_url: h.sim.baseUrl,
      base_url_source: 'environment',
      check: { ok: true },
    });
  });

  it('auth login refuses what the organisation locked, before anything is sent or saved', async () => {
    const h = await harness();
    const file = await managedFile({
      settings: { baseUrl: h.sim.baseUrl },
      appId: '211000000',
      operatorIdPattern: 'org-operator',
      locked: ['baseUrl', 'appId', 'operatorId'],
    });
    const env = { ROOMCALL_MANAGED_CONFIG: file };
    const login = {
      appId: SIM_APP_ID,
      secretId: SIM_SECRET_ID,
      secretKey: SIM_SECRET_KEY,
      operatorId: 'tester1',
    };

    const refused = await h.run(['auth', 'login', '--stdin'], {
      env,
      stdin: JSON.stringify(login),
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'roomcall: appId is set by your organisation; operatorId is set by your organisation: it cannot be changed here. Nothing was saved.',
    );

    const baseUrl = await h.run(['auth', 'login', '--stdin', '--base-url', 'http://127.0.0.1:9/'], {
      env,
      stdin: JSON.stringify({ ...login, appId: '211000000', operatorId: 'org-operator' }),
    });
    expect(baseUrl.code).toBe(2);
    expect(baseUrl.stderr).toContain('roomcall: baseUrl is set by your organisation');

    expect(h.sim.requests).toEqual([]);
    expect(await h.store.get('default')).toBeNull();
  });

  it('auth login with the locked values goes ahead, whatever WEMEET_BASE_URL says for the run', async () => {
    const h = await harness();
    const file = await managedFile({
      settings: { baseUrl: h.sim.baseUrl },
      appId: SIM_APP_ID,
      operatorIdPattern: 'tester1',
      locked: ['baseUrl', 'appId', 'operatorId'],
    });
    const result = await h.run(['auth', 'login', '--stdin', '--base-url', h.sim.baseUrl], {
      env: { ROOMCALL_MANAGED_CONFIG: file, WEMEET_BASE_URL: 'http://127.0.0.1:9/' },
      stdin: JSON.stringify({
        appId: SIM_APP_ID,
        secretId: SIM_SECRET_ID,
        secretKey: SIM_SECRET_KEY,
        operatorId: 'tester1',
      }),
    });
    expect(result.stderr).not.toContain('cannot be changed');
    expect(result.code).toBe(0);
    expect(await h.store.get('default')).toMatchObject({ appId: SIM_APP_ID });
  });
});
