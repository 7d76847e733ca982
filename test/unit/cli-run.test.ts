/** runCli's own contract: commander's exits mapped to the CLI's exit codes, help everywhere. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { fakeDeps } from './cli-fakes';
import packageJson from '../../package.json';

describe('runCli', () => {
  it('--version prints the package version, exit 0', async () => {
    const { deps, out, err } = fakeDeps();
    expect(await runCli(['--version'], deps)).toBe(0);
    expect(out()).toBe(`${packageJson.version}\n`);
    expect(err()).toBe('');
  });

  it('--help on every command and group: exit 0, usage and examples on stdout', async () => {
    const commands = [
      [],
      ['invite'],
      ['status'],
      ['cancel'],
      ['rooms'],
      ['meetings'],
      ['auth'],
      ['auth', 'login'],
      ['auth', 'status'],
      ['auth', 'logout'],
      ['favorites'],
      ['favorites', 'list'],
      ['favorites', 'add'],
      ['favorites', 'remove'],
      ['favorites', 'move'],
      ['favorites', 'rename'],
      ['favorites', 'export'],
      ['favorites', 'import'],
      ['history'],
    ];
    for (const command of commands) {
      const { deps, out } = fakeDeps();
      expect(await runCli([...command, '--help'], deps), command.join(' ')).toBe(0);
      expect(out(), command.join(' ')).toMatch(/^Usage: roomcall/);
      // Groups list their commands; every command shows examples and the global --profile.
      if (!['', 'auth', 'favorites'].includes(command.join(' '))) {
        expect(out(), command.join(' ')).toContain('Examples:');
        expect(out(), command.join(' ')).toContain('--profile <name>');
      }
    }
  });

  it('the root help documents the environment and the exit codes', async () => {
    const { deps, out } = fakeDeps();
    await runCli(['--help'], deps);
    for (const text of [
      'WEMEET_BASE_URL',
      'WEMEET_SDK_ID',
      'WEMEET_OPERATOR_ID',
      '130  interrupted',
      '3    invite --wait',
    ]) {
      expect(out()).toContain(text);
    }
  });

  it('usage errors from the parser exit 2 with the message on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['rooms', '--serch', 'x'], /unknown option '--serch'[\s\S]*Did you mean --search\?/],
      [['invite', '--meeting'], /option '-m, --meeting <meeting>' argument missing/],
      [['favorites', 'move', '1'], /missing required argument 'position'/],
      [['history', '--limit', 'ten'], /Give a whole number from 1 to 100\./],
      [['rooms', 'extra'], /too many arguments/],
    ];
    for (const [argv, message] of cases) {
      const { deps, out, err } = fakeDeps();
      expect(await runCli(argv, deps), argv.join(' ')).toBe(2);
      expect(err(), argv.join(' ')).toMatch(message);
      expect(err()).toMatch(/^roomcall: error: /);
      expect(out()).toBe('');
    }
  });

  it('a group or the program without a command: help on stderr, exit 2', async () => {
    for (const argv of [[], ['auth'], ['favorites']]) {
      const { deps, out, err } = fakeDeps();
      expect(await runCli(argv, deps)).toBe(2);
      expect(err()).toMatch(/Usage: roomcall/);
      expect(out()).toBe('');
    }
  });

  it('help <command> is the same as <command> --help', async () => {
    const a = fakeDeps();
    const b = fakeDeps();
    expect(await runCli(['help', 'invite'], a.deps)).toBe(0);
    expect(await runCli(['invite', '--help'], b.deps)).toBe(0);
    expect(a.out()).toBe(b.out());
  });
});
