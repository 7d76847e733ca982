/** `roomcall favorites …` and `roomcall history`: round trips through the data folder. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_CURRENT_MEETING, SIM_EXAMPLE_ROOM_ID } from '../sim/index';
import { jsonOf, ROOM_CALL, startCliHarness, type CliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

interface FavoriteJson {
  position: number;
  id: string;
  kind: string;
  label: string | null;
  name?: string;
  location?: string;
  meetingRoomId?: string;
  dialString?: string;
}

async function list(cli: CliHarness): Promise<FavoriteJson[]> {
  const result = await cli.run(['favorites', 'list', '--json']);
  expect(result.code).toBe(0);
  return jsonOf<FavoriteJson[]>(result);
}

describe('roomcall favorites', () => {
  it('add --room fills name and location from the API, or from the room cache without a request', async () => {
    const h = await harness();
    const first = await h.run(['favorites', 'add', '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('Added #1: 深圳·滨海大厦 18F 1801 会议室.\n');
    expect(h.sim.requests.map((r) => r.path)).toEqual([`/v1/meeting-rooms/${SIM_EXAMPLE_ROOM_ID}`]);

    await h.run(['rooms']);
    const before = h.sim.requests.length;
    const second = h.sim.roomWithOutcome('rejected');
    const added = await h.run([
      'favorites',
      'add',
      '--room',
      second.meeting_room_id,
      '--label',
      '长城厅',
    ]);
    expect(added.stdout).toBe('Added #2: 长城厅.\n');
    expect(h.sim.requests.length).toBe(before);

    expect(await list(h)).toMatchObject([
      {
        position: 1,
        kind: 'room',
        meetingRoomId: SIM_EXAMPLE_ROOM_ID,
        name: '深圳·滨海大厦 18F 1801 会议室',
        label: null,
      },
      {
        position: 2,
        kind: 'room',
        meetingRoomId: second.meeting_room_id,
        name: second.meeting_room_name,
        location: second.meeting_room_location,
        label: '长城厅',
      },
    ]);
  });

  it('add --sip/--h323 needs a label; a duplicate is reported, not added twice', async () => {
    const h = await harness();
    const noLabel = await h.run(['favorites', 'add', '--sip', 'room@vc.example.com']);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toContain('--label: give the SIP address a name');
    const bad = await h.run(['favorites', 'add', '--h323', 'gw@host', '--label', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'gw@host' is not an H.323 address");
    expect(
      (await h.run(['favorites', 'add', '--sip', 'room@vc.example.com', '--label', 'Partner VC']))
        .code,
    ).toBe(0);
    const dup = await h.run([
      'favorites',
      'add',
      '--sip',
      'sip:ROOM@vc.example.com',
      '--label',
      'Again',
    ]);
    expect(dup.code).toBe(0);
    expect(dup.stdout).toBe('Already a favourite: #1 Partner VC.\n');
    expect(await list(h)).toHaveLength(1);
    expect(h.sim.requests).toEqual([]);
  });

  it('list, rename, move, remove by position, label or dial string', async () => {
    const h = await harness();
    await h.run(['favorites', 'add', '--sip', '10.0.0.1', '--label', 'Alpha']);
    await h.run(['favorites', 'add', '--h323', '+861012345678', '--label', 'Beta']);
    await h.run(['favorites', 'add', '--sip', 'room@vc.example.com', '--label', '长城厅']);

    const table = await h.run(['favorites', 'list']);
    expect(
      table.stdout
        .split('\n')
        .slice(0, 4)
        .map((line) => line.replace(/\s+\S+$/, '')),
    ).toEqual([
      '#  NAME    TYPE   CALLS                LOCATION',
      '1  Alpha   SIP    10.0.0.1',
      '2  Beta    H.323  +861012345678',
      '3  长城厅  SIP    room@vc.example.com',
    ]);

    expect((await h.run(['favorites', 'rename', 'beta', 'Gamma'])).stdout).toBe(
      'Renamed #2 to Gamma.\n',
    );
    expect((await h.run(['favorites', 'move', '长城厅', '1'])).stdout).toBe(
      'Moved 长城厅 to #1.\n',
    );
    expect((await h.run(['favorites', 'remove', '10.0.0.1'])).stdout).toBe('Removed #2: Alpha.\n');
    expect((await list(h)).map((f) => [f.position, f.label])).toEqual([
      [1, '长城厅'],
      [2, 'Gamma'],
    ]);
    const unlabelled = await h.run(['favorites', 'rename', '2']);
    expect(unlabelled.stdout).toBe('#2 has no label now: shown as +861012345678.\n');
  });

  it('refers to nothing, or to a bad position: exit 2', async () => {
    const h = await harness();
    await h.run(['favorites', 'add', '--sip', '10.0.0.1', '--label', 'Alpha']);
    const none = await h.run(['favorites', 'remove', 'Zeta']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("No favourite matches 'Zeta'.");
    const position = await h.run(['favorites', 'move', 'Alpha', '5']);
    expect(position.code).toBe(2);
    expect(position.stderr).toContain('Position 5 is not between 1 and 1.');
    const notNumber = await h.run(['favorites', 'move', 'Alpha', 'top']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('A position is a whole number from 1.');
  });

  it('invite --favorite by label and by position calls the right target', async () => {
    const h = await harness();
    await h.run(['favorites', 'add', '--sip', 'room@vc.example.com', '--label', 'Partner VC']);
    await h.run(['favorites', 'add', '--room', SIM_EXAMPLE_ROOM_ID, '--label', 'Big room']);
    const byLabel = await h.run([
      'invite',
      '--meeting',
      '806146667',
      '--favorite',
      'partner vc',
      '--json',
    ]);
    expect(byLabel.code).toBe(0);
    expect(jsonOf<{ target: unknown }>(byLabel).target).toEqual({
      kind: 'sip',
      dial_string: 'room@vc.example.com',
      name: 'Partner VC',
    });
    const byPosition = await h.run(['invite', '--meeting', '806146667', '--favorite', '2']);
    expect(byPosition.stdout).toContain('Invited Big room (room 1234567890123456789) into');
    const bodies = h
      .requestsTo('PUT', ROOM_CALL)
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies[0]?.['mra_address']).toEqual({ protocol: 1, dial_string: 'room@vc.example.com' });
    expect(bodies[1]?.['meeting_room_id']).toBe(SIM_EXAMPLE_ROOM_ID);
  });

  it('a hand-edited favourite that breaks the dial rules: exit 2 before anything is sent', async () => {
    const h = await harness();
    await writeFile(
      path.join(h.dataDir, 'favorites.json'),
      JSON.stringify({
        version: 1,
        items: [
          { id: 'a1', kind: 'mra', protocol: 'sip', dialString: 'vc.example.com', label: 'Broken' },
        ],
      }),
    );
    const result = await h.run(['invite', '--meeting', '806146667', '--favorite', 'Broken']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Favourite 'Broken' cannot be called");
    expect(h.sim.requests).toEqual([]);
  });

  it('export then import into another data folder: same list; what is skipped is reported with why', async () => {
    const h = await harness();
    await h.run(['favorites', 'add', '--room', SIM_EXAMPLE_ROOM_ID]);
    await h.run(['favorites', 'add', '--sip', 'room@vc.example.com', '--label', 'Partner VC']);
    const exported = await h.run(['favorites', 'export']);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as { format: string; favorites: unknown[] };
    expect(document.format).toBe('roomcall-favorites');

    const file = path.join(h.dataDir, 'team.json');
    const toFile = await h.run(['favorites', 'export', '--output', file]);
    expect(toFile.stderr).toBe(`Exported 2 favourites to ${file}.\n`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(document);

    // Into a second person's empty list (a second harness = another data folder).
    const other = await startCliHarness();
    try {
      const withBad = {
        ...document,
        favorites: [
          ...document.favorites,
          { kind: 'mra', protocol: 'h323', dialString: 'gw@host', label: 'Bad' },
          { kind: 'mra', protocol: 'sip', dialString: 'sip:room@vc.example.com' },
        ],
      };
      const importFile = path.join(other.dataDir, 'in.json');
      await writeFile(importFile, JSON.stringify(withBad));
      const imported = await other.run(['favorites', 'import', importFile]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe(
        [
          'Imported 2 favourites; skipped 2:',
          "  entry 3 (H.323 'gw@host'): 'gw@host' is not an H.323 address: use an IP address (e.g. 192.168.1.20) or an E.164 number (e.g. +861012345678), not name@host; to reach a device behind a gateway, call it over SIP.",
          "  entry 4 (SIP 'sip:room@vc.example.com'): the same as entry 2 of this file",
          '',
        ].join('\n'),
      );
      const again = await other.run(['favorites', 'import', '-', '--json'], {
        stdin: JSON.stringify(document),
      });
      expect(jsonOf<{ added: unknown[]; skipped: { reason: string }[] }>(again)).toMatchObject({
        added: [],
        skipped: [
          { reason: 'already in your favourites' },
          { reason: 'already in your favourites' },
        ],
      });
      const listed = (await list(other)).map((f) => f.meetingRoomId ?? f.dialString);
      expect(listed).toEqual([SIM_EXAMPLE_ROOM_ID, 'room@vc.example.com']);
    } finally {
      await other.close();
    }
  });

  it('import of a missing or foreign file: exit 2 with the reason', async () => {
    const h = await harness();
    const missing = await h.run(['favorites', 'import', path.join(h.dataDir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
    const foreign = path.join(h.dataDir, 'foreign.json');
    await writeFile(foreign, '{"format":"something-else"}');
    const result = await h.run(['favorites', 'import', foreign]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('This is not a RoomCall favourites file');
  });
});

describe('a corrupt data file', () => {
  it('is moved aside with a warning on stderr, and the command goes on', async () => {
    const h = await harness();
    await writeFile(path.join(h.dataDir, 'favorites.json'), '{"version": 1, "items": [');
    const result = await h.run(['favorites', 'list']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^roomcall: warning: Your favourites file could not be used because it is not valid JSON .* It was kept as .*favorites\.corrupt-.*\.json/,
    );
    expect(result.stderr).toContain('No favourites yet.');
  });
});

describe('a favourites file with one invalid entry', () => {
  it('the rest listed, the invalid one kept beside; warned until `favorites list` showed it', async () => {
    const h = await harness();
    const room = (id: string, label: string | null) => ({
      id: `r${id}`,
      kind: 'room',
      meetingRoomId: id,
      name: `Room ${id}`,
      location: '',
      label,
    });
    await writeFile(
      path.join(h.dataDir, 'favorites.json'),
      JSON.stringify({ version: 1, items: [room('1', 'Good'), room('2', 'L'.repeat(101))] }),
    );
    const kept =
      /Some of your favourites could not be used .* kept in (\S+favorites\.rejected-\S+\.json);/;
    // A script's --json run says so on stderr, and does not count as seen.
    for (let run = 0; run < 2; run += 1) {
      const json = await h.run(['favorites', 'list', '--json']);
      expect(json.code).toBe(0);
      expect(jsonOf<FavoriteJson[]>(json).map((item) => item.label)).toEqual(['Good']);
      expect(json.stderr).toMatch(kept);
    }
    const shown = await h.run(['favorites', 'list']);
    expect(shown.stderr).toMatch(kept);
    expect(shown.stdout).toContain('Good');
    const file = kept.exec(shown.stderr)?.[1] ?? '';
    expect(await readFile(file, 'utf8')).toContain('L'.repeat(101));
    // Seen: no other command repeats it.
    const after = await h.run(['favorites', 'list', '--json']);
    expect(after.stderr).toBe('');
  });
});

describe('roomcall history', () => {
  it('a table newest first, --limit, and --json', async () => {
    const h = await harness();
    await h.run(['rooms']);
    await h.run(['invite', '--meeting', '806146667', '--room', SIM_EXAMPLE_ROOM_ID, '--wait']);
    await h.run(['invite', '--meeting', '806146667', '--sip', 'busy@vc.example.com', '--wait']);
    const table = await h.run(['history']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^WHEN\s+MEETING\s+CALLED\s+OUTCOME$/);
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d \+08:00\s+806-146-667 产品周会 Weekly product sync\s+SIP busy@vc\.example\.com\s+rejected$/,
    );
    expect(lines[2]).toMatch(/深圳·滨海大厦 18F 1801 会议室\s+accepted$/);

    const limited = await h.run(['history', '--limit', '1', '--json']);
    const entries =
      jsonOf<{ at: string; meeting: { meetingId: string }; outcome: string }[]>(limited);
    expect(entries).toHaveLength(1);
    // Stored in UTC, printed with the local offset like every other time.
    const utc = await h.run(['history', '--json'], { timeZone: 'UTC' });
    const storedAt = jsonOf<{ at: string }[]>(utc)[0]?.at;
    expect(entries[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(storedAt).toMatch(/\+00:00$/);
    expect(Date.parse(entries[0]?.at ?? '')).toBe(Date.parse(storedAt ?? ''));
    expect(entries[0]).toMatchObject({
      meeting: { meetingId: SIM_CURRENT_MEETING.meeting_id },
      outcome: 'rejected',
    });
    const bad = await h.run(['history', '--limit', '0']);
    expect(bad.code).toBe(2);
  });

  it('empty: says so on stderr, nothing on stdout', async () => {
    const h = await harness();
    const result = await h.run(['history']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('No invites yet.\n');
  });
});
