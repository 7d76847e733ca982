/**
 * Issue 14 item 8 from the command line: the CLI runs the same parser as the windows, so an
 * E.164 number written for people is stored and sent as its digits, and a room ID that is not
 * a decimal string is refused before any request.
 */
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { jsonOf, startCliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

describe('roomcall: forgiving input', () => {
  it('favorites add --h323 "+86 10 1234 5678" keeps the digits', async () => {
    const h = await harness();
    const added = await h.run([
      'favorites',
      'add',
      '--h323',
      '＋８６ 10－1234 (5678)',
      '--label',
      'Beijing office',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('Added #1: Beijing office.\n');
    const listed = await h.run(['favorites', 'list', '--json']);
    expect(jsonOf<{ dialString?: string }[]>(listed)[0]?.dialString).toBe('+861012345678');
    expect(h.sim.requests).toEqual([]);
  });

  it('favorites add --room abc is refused, nothing sent', async () => {
    const h = await harness();
    const refused = await h.run(['favorites', 'add', '--room', 'abc']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "A meeting room ID has digits only (e.g. 1234567890123456789); 'abc' contains 'a'.",
    );
    expect(h.sim.requests).toEqual([]);
  });
});
