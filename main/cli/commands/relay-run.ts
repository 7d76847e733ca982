import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';

/**
 * `roomcall relay …` as the handlers table (handlers.ts) names it. Each loads its code when it
 * runs: the relay's server, storage and identity code is for the relay's machine, so the
 * commands every desktop runs never load it (the bundle splits at these imports). For the same
 * reason the relay's problem rules come with it: its errors leave here already classified.
 */

type Args = readonly (string | undefined)[];

async function relayCommand<M>(
  load: () => Promise<M>,
  run: (module: M) => Promise<ExitCode>,
): Promise<ExitCode> {
  const [module, { withRelayProblem }] = await Promise.all([
    load(),
    import('../../relay/problem-rules'),
  ]);
  try {
    return await run(module);
  } catch (error) {
    throw withRelayProblem(error);
  }
}

export function runRelayServe(ctx: CliContext): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-serve'),
    (m) => m.runServe(ctx),
  );
}

export function runRelayTokenIssue(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-admin'),
    (m) => m.runTokenIssue(ctx, options),
  );
}

export function runRelayTokenList(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-admin'),
    (m) => m.runTokenList(ctx, options),
  );
}

export function runRelayTokenRevoke(
  ctx: CliContext,
  _options: OptionValues,
  args: Args,
): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-admin'),
    (m) => m.runTokenRevoke(ctx, args[0] ?? ''),
  );
}

export function runRelayAudit(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-audit'),
    (m) => m.runAudit(ctx, options),
  );
}

export function runRelayAuditPrune(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-audit'),
    (m) => m.runAuditPrune(ctx, options),
  );
}

export function runRelayCheck(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  return relayCommand(
    () => import('./relay-check'),
    (m) => m.runCheck(ctx, options),
  );
}
