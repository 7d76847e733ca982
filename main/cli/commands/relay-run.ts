import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';

/**
 * `roomcall relay …` as the handlers table (handlers.ts) names it. Each loads its code when it
 * runs: the relay's server, storage and identity code is for the relay's machine, so the
 * commands every desktop runs never load it (the bundle splits at these imports).
 */

type Args = readonly (string | undefined)[];

export async function runRelayServe(ctx: CliContext): Promise<ExitCode> {
  const { runServe } = await import('./relay-serve');
  return runServe(ctx);
}

export async function runRelayTokenIssue(
  ctx: CliContext,
  options: OptionValues,
): Promise<ExitCode> {
  const { runTokenIssue } = await import('./relay-admin');
  return runTokenIssue(ctx, options);
}

export async function runRelayTokenList(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const { runTokenList } = await import('./relay-admin');
  return runTokenList(ctx, options);
}

export async function runRelayTokenRevoke(
  ctx: CliContext,
  _options: OptionValues,
  args: Args,
): Promise<ExitCode> {
  const { runTokenRevoke } = await import('./relay-admin');
  return runTokenRevoke(ctx, args[0] ?? '');
}

export async function runRelayAudit(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const { runAudit } = await import('./relay-audit');
  return runAudit(ctx, options);
}
