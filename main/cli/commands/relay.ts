import type { Command } from 'commander';
import type { ActionDefiner } from '../program-support';

/**
 * `roomcall relay …`: run the company relay (issue 17, docs/relay.md) and administer it: its
 * per-person tokens and its audit log. Everything is configured by ROOMCALL_RELAY_* variables,
 * the same for every subcommand, so `relay token` works on the relay's machine with the
 * relay's environment. Their code is in relay-run.ts and relay-admin.ts, loaded when one runs.
 */

const RELAY_HELP = `
Configured by the environment (docs/relay.md): ROOMCALL_RELAY_LISTEN, the Tencent
credentials (WEMEET_APP_ID, WEMEET_SDK_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY,
WEMEET_BASE_URL; or ROOMCALL_RELAY_SECRETS_FILE; or ROOMCALL_RELAY_KEYCHAIN_PROFILE),
ROOMCALL_RELAY_STORAGE (sqlite | postgres), ROOMCALL_RELAY_SQLITE_PATH,
ROOMCALL_RELAY_DATABASE_URL, ROOMCALL_RELAY_REDIS_URL, ROOMCALL_RELAY_OIDC_* (issuer,
audience, client id, operator claim, scopes), ROOMCALL_RELAY_TOKENS (on | off), the
rate limits ROOMCALL_RELAY_COMPANY_PER_MINUTE and ROOMCALL_RELAY_PERSON_PER_MINUTE,
ROOMCALL_RELAY_DIRECTORY_TTL_SECONDS, ROOMCALL_RELAY_SHUTDOWN_GRACE_SECONDS,
ROOMCALL_RELAY_AUDIT_RETENTION_DAYS.
`;

export function registerRelay(program: Command, define: ActionDefiner): void {
  const relay = program
    .command('relay')
    .summary('run and administer the company relay (holds the enterprise secret)')
    .description(
      'The relay: an HTTP service that holds the Tencent Meeting enterprise credentials and ' +
        'lets signed-in employees list rooms and meetings and call rooms as themselves, so no ' +
        'desktop holds the secret (docs/relay.md).',
    )
    .addHelpText('after', RELAY_HELP);

  const serve = relay
    .command('serve')
    .summary('run the relay until SIGTERM or Ctrl-C')
    .description(
      'Run the relay: JSON logs on stdout, one line per request. SIGTERM or Ctrl-C stops it ' +
        'gracefully (requests in flight get ROOMCALL_RELAY_SHUTDOWN_GRACE_SECONDS to finish).',
    );
  define(serve, (code) => code.runRelayServe, [
    'ROOMCALL_RELAY_SECRETS_FILE=/etc/roomcall/relay.env roomcall relay serve',
    'ROOMCALL_RELAY_LISTEN=0.0.0.0:8787 roomcall relay serve',
  ]);

  const check = relay
    .command('check')
    .summary('try what the relay needs: credentials, storage, identity provider, Tencent')
    .description(
      'Try, one by one, what `relay serve` depends on: the Tencent credentials can be read, ' +
        'the storage opens and answers, the identity provider (OIDC) publishes its keys, and ' +
        'with --operator, Tencent Meeting accepts a signed request as that person (a read: ' +
        "the operator's meetings). Exit 1 when a check failed.",
    )
    .option('--operator <userid>', 'an enterprise userid to sign the Tencent request as')
    .option('--json', 'print the checks as JSON');
  define(check, (code) => code.runRelayCheck, [
    'roomcall relay check',
    'roomcall relay check --operator zhangwei --json',
  ]);

  const token = relay.command('token').summary("issue, list and revoke people's relay tokens");
  const issue = token
    .command('issue')
    .summary('issue a token for one person (printed once)')
    .description(
      'Issue a per-person token: the relay acts as OPERATOR for whoever holds it. It is ' +
        'printed once on stdout and stored only as a hash: hand it over safely.',
    )
    .requiredOption('--operator <userid>', 'the enterprise userid the relay acts as')
    .requiredOption('--label <text>', 'who or what it is for (shown in `relay token list`)')
    .option('--expires <duration>', 'lifetime: 90d, 12h, 30m, or never', '90d')
    .option('--json', 'print the token and its record as JSON');
  define(issue, (code) => code.runRelayTokenIssue, [
    'roomcall relay token issue --operator zhangwei --label "Zhang Wei laptop"',
    'roomcall relay token issue --operator reception --label lobby --expires 365d',
  ]);

  const list = token
    .command('list')
    .summary('list the tokens (never the tokens themselves)')
    .option('--json', 'print the tokens as one JSON array');
  define(list, (code) => code.runRelayTokenList);

  const revoke = token
    .command('revoke')
    .summary('revoke a token by its id')
    .argument('<id>', 'the id `relay token list` shows');
  define(revoke, (code) => code.runRelayTokenRevoke);

  const audit = relay
    .command('audit')
    .summary('show the audit log, newest first')
    .option('--since <when>', 'only entries after: a duration back (24h, 7d) or an ISO date')
    .option('--operator <userid>', 'only this operator')
    .option('--limit <n>', 'at most N entries', '100')
    .option('--json', 'print the entries as one JSON array');
  define(audit, (code) => code.runRelayAudit, [
    'roomcall relay audit --since 24h',
    'roomcall relay audit --operator zhangwei --json | jq \'.[] | select(.outcome != "ok")\'',
  ]);

  const prune = audit
    .command('prune')
    .summary('delete audit entries older than a duration (retention)')
    .description(
      'Delete the audit entries written more than DURATION ago, and say how many. Run it on a ' +
        'schedule to keep the log to your retention period; on PostgreSQL it needs DELETE on ' +
        'relay_audit.',
    )
    .requiredOption('--older-than <duration>', 'entries older than this go: 180d, 12h, 30m')
    .option('--json', 'print what was deleted as JSON');
  define(prune, (code) => code.runRelayAuditPrune, [
    'roomcall relay audit prune --older-than 180d',
  ]);
}
