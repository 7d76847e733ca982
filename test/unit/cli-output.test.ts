import { describe, expect, it } from 'vitest';
import { Output } from '../../main/cli/output';

function capture(tty = false) {
  let stdout = '';
  let stderr = '';
  const output = new Output(
    { write: (text) => (stdout += text), isTTY: tty },
    { write: (text) => (stderr += text), isTTY: tty },
  );
  return { output, out: () => stdout, err: () => stderr };
}

describe('Output', () => {
  it('prints one pretty JSON document, big IDs kept as the strings they are', () => {
    const { output, out } = capture();
    output.json({ meeting_id: '13434567890123927028', rooms: [] });
    expect(JSON.parse(out())).toEqual({ meeting_id: '13434567890123927028', rooms: [] });
    expect(out().endsWith('}\n')).toBe(true);
  });

  it('progress only when stderr is a terminal', () => {
    const piped = capture(false);
    piped.output.progress('Ringing…');
    expect(piped.err()).toBe('');
    const tty = capture(true);
    tty.output.progress('Ringing…');
    expect(tty.err()).toBe('Ringing…\n');
  });

  it('errors: "roomcall: " and the message, then the hint indented on its own line', () => {
    const { output, err, out } = capture();
    output.error('It failed (error 9042).', 'Ask the host.');
    expect(err()).toBe('roomcall: It failed (error 9042).\n  Ask the host.\n');
    expect(out()).toBe('');
  });

  it('server text cannot drive the terminal: control characters are replaced, newlines kept', () => {
    const { output, out } = capture();
    output.line('room\u001b[2J\u0007 A\nnext');
    expect(out()).toBe('room [2J  A\nnext\n');
  });

  it('protected values never get out, on either stream, in any form of write', () => {
    const { output, out, err } = capture(true);
    const key = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
    output.protect(key);
    output.line(`a ${key} b`);
    output.json({ key });
    output.error(`oops ${key}`, `hint ${key}`);
    output.warn(key);
    output.note(key);
    output.progress(key);
    output.raw('stderr', key);
    expect(out() + err()).not.toContain(key);
    expect(out()).toContain('a [redacted] b');
  });
});
