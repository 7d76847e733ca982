import { version } from '../../../package.json';
import { runPreflight, type PreflightCheck } from '../../relay/preflight';
import type { CliContext } from '../context';
import { EXIT_FAILURE, EXIT_OK, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { operatorOption } from './relay-admin';
import { relayConfig } from './relay-serve';

/**
 * `roomcall relay check [--operator <userid>]`: the relay's preflight (main/relay/preflight.ts),
 * one line a check, exit 1 when one failed. For the first setup and for monitoring.
 */

const TITLES: Readonly<Record<PreflightCheck['name'], string>> = {
  credentials: 'Credentials',
  storage: 'Storage',
  'identity-provider': 'Identity provider',
  tencent: 'Tencent Meeting',
};

const WIDTH = Math.max(...Object.values(TITLES).map((title) => title.length)) + 2;

export async function runCheck(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const config = relayConfig(ctx);
  const given = options.string('operator');
  const operatorId = given === undefined ? null : operatorOption(given);
  const checks = await runPreflight(
    config,
    {
      env: ctx.deps.env,
      credentialStore: ctx.deps.credentialStore,
      version,
      fetch: ctx.deps.fetch,
    },
    operatorId,
  );
  const failed = checks.some((check) => check.status === 'failed');
  if (options.flag('json')) {
    ctx.output.json({ ok: !failed, checks });
  } else {
    for (const check of checks) {
      const status =
        check.status === 'ok' ? 'ok     ' : check.status === 'failed' ? 'FAILED ' : 'skipped';
      ctx.output.line(`${TITLES[check.name].padEnd(WIDTH)}${status}  ${check.detail}`);
      if (check.hint !== null) ctx.output.line(`${' '.repeat(WIDTH + 9)}${check.hint}`);
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}
