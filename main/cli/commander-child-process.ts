/**
 * What the CLI's bundle gives commander for `node:child_process` (scripts/cli-build.ts): the
 * real module, loaded when commander first spawns, which it does only for "executable"
 * subcommands (separate programs); roomcall has none. Loading child_process costs every start
 * a few milliseconds (it brings net, dgram and more), about a tenth of a bare `node -e 0`.
 */
import type * as NodeChildProcess from 'node:child_process';

type ChildProcess = typeof NodeChildProcess;

function real(): ChildProcess {
  return process.getBuiltinModule('node:child_process');
}

const lazyChildProcess: Pick<ChildProcess, 'spawn'> = {
  spawn: ((...args: Parameters<ChildProcess['spawn']>) =>
    real().spawn(...args)) as ChildProcess['spawn'],
};

export default lazyChildProcess;
