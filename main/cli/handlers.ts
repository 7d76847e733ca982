/**
 * Everything a command runs, in the one module the CLI imports only once a command runs
 * (program-support.ts, run.ts, system-deps.ts): the commands' code, the context with the core
 * and the schemas behind it, the failures' words, the keychain and the terminal's prompter.
 * `--help` and usage errors never load it; the commands' definitions (commands/<name>.ts) name
 * their code here.
 *
 * One module rather than one per command: the build splits the bundle at dynamic imports, and
 * each split adds files that every start resolves and reads. The commands' own code is small
 * beside the core and zod that they all share, so one chunk for it all starts faster (measured
 * with `./dev bench`).
 */
export { runLogin, runLogout } from './commands/auth-run';
export { runStatus as runAuthStatus } from './commands/auth-status';
export { runCancel, runStatus } from './commands/calls-run';
export { runMeetings, runRooms } from './commands/directory-run';
export { runAdd } from './commands/favorites-add';
export { runList, runMove, runRemove, runRename } from './commands/favorites-run';
export { runExport, runImport } from './commands/favorites-transfer';
export { runHistory } from './commands/history-run';
export { runInvite } from './commands/invite-run';
export * from './commands/relay-run';
export { CliContext } from './context';
export { describeFailure } from './failures';
export { createTerminalPrompter } from './prompt';
export { createKeytarStore } from '../core/secrets/keytar-store';
