/**
 * `npm run preview`: the UI in an ordinary browser against a fresh simulator, or against the
 * real API when the CLI's WEMEET_* credentials are set (or with `--api env`; `--api sim` forces
 * the simulator). Options: --port N (default $ROOMCALL_PREVIEW_PORT, else 5174),
 * --api sim|env, --not-configured, --managed FILE (an organisation's managed configuration,
 * docs/managed-config.md, applied as the app applies it).
 */
import { parseArgs } from 'node:util';
import { loadManagedConfig } from '../core/managed/load-managed';
import { startPreview } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    api: { type: 'string' },
    'not-configured': { type: 'boolean', default: false },
    managed: { type: 'string' },
  },
});
const fromEnvironment = (process.env['WEMEET_APP_ID'] ?? '') !== '';
const chosen = values.api ?? (fromEnvironment ? 'env' : 'sim');
const api = chosen === 'env' ? 'env' : chosen === 'sim' ? 'sim' : null;
if (api === null) {
  console.error('--api is sim or env');
  process.exit(2);
}
const port = Number(values.port ?? process.env['ROOMCALL_PREVIEW_PORT'] ?? 5174);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port is a number from 0 to 65535');
  process.exit(2);
}

const managed =
  values.managed === undefined ? undefined : await loadManagedConfig({ file: values.managed });
if (managed?.status === 'invalid') console.error(managed.message);

const preview = await startPreview({
  port,
  api,
  configured: !values['not-configured'],
  managed,
});
console.log(`RoomCall preview: ${preview.pageUrl('popover')}`);
console.log(`  room picker:     ${preview.pageUrl('picker')}`);
console.log(`  settings:        ${preview.pageUrl('settings')}`);
if (preview.sim !== null) {
  const { credentials } = preview.sim;
  console.log(`  simulator:       ${preview.sim.baseUrl}`);
  console.log(
    `  demo credentials: AppId ${credentials.appId}, SecretId ${credentials.secretId}, SecretKey ${credentials.secretKey}, operator ${preview.sim.operatorId}`,
  );
} else {
  console.log('  talking to the API named by the WEMEET_* environment variables');
}
if (managed?.status === 'ok') console.log(`  managed configuration: ${managed.file}`);
console.log('Ctrl-C to stop.');

const stop = () => {
  void preview.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
