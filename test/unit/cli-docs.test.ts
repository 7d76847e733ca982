/**
 * docs/cli.md stays in step with the program: every command and every option the parser knows
 * is documented, and so is every exit code the CLI can return.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_NOT_JOINED,
  EXIT_OK,
  EXIT_USAGE,
} from '../../main/cli/exit-codes';
import { Output } from '../../main/cli/output';
import { buildProgram } from '../../main/cli/program';
import { fakeDeps } from './cli-fakes';

function walk(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return [
    { path, command },
    ...command.commands
      .filter((sub) => sub.name() !== 'help')
      .flatMap((sub) => walk(sub, [...path, sub.name()])),
  ];
}

describe('docs/cli.md', () => {
  it('documents every command and option', async () => {
    const doc = await readFile('docs/cli.md', 'utf8');
    const { deps } = fakeDeps();
    const program = buildProgram(deps, new Output(deps.stdout, deps.stderr), () => undefined);
    for (const { path, command } of walk(program)) {
      if (path.length > 0) {
        const leaf = path.join(' ');
        expect(doc, `command ${leaf}`).toMatch(
          new RegExp(`(roomcall|\`)[^\\n]*${leaf.replace(/ /g, '[^\\n]*')}`),
        );
      }
      for (const option of command.options) {
        expect(doc, `${path.join(' ')} ${option.long ?? ''}`).toContain(option.long);
      }
    }
  });

  it('documents every exit code', async () => {
    const doc = await readFile('docs/cli.md', 'utf8');
    for (const code of [EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_NOT_JOINED, EXIT_INTERRUPTED]) {
      expect(doc).toMatch(new RegExp(`^\\| ${code} +\\|`, 'm'));
    }
  });
});
