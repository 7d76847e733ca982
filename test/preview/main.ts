/**
 * `npm run preview` (bundled to out/preview/preview.mjs): the UI in an ordinary browser
 * against a fresh simulator, or against the real API when the CLI's WEMEET_* credentials are
 * set. It lives under test/ because it starts the simulator; the preview itself is
 * main/preview/.
 */
import { parseArgs } from 'node:util';
import { loadManagedConfig } from '../../main/core/managed/load-managed';
import { startSimPreview } from './sim-preview';

const USAGE = `Usage: npm run preview -- [options]     (./dev preview [options])

The RoomCall windows in an ordinary browser, on 127.0.0.1, wired to the app's real handlers.

Options:
  --port N          the port (default $ROOMCALL_PREVIEW_PORT, else 5174; 0 picks a free one)
  --api sim|env     sim: a fresh simulator with demo credentials; env: the API and account
                    the WEMEET_* variables name (default env when WEMEET_APP_ID is set)
  --not-configured  start with no credentials saved: the onboarding path (simulator only)
  --managed FILE    apply this managed configuration, as the app does (docs/managed-config.md)
  -h, --help        print this and exit
`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      api: { type: 'string' },
      'not-configured': { type: 'boolean', default: false },
      managed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const fromEnvironment = (process.env['WEMEET_APP_ID'] ?? '') !== '';
const chosen = values.api ?? (fromEnvironment ? 'env' : 'sim');
const api = chosen === 'env' ? 'env' : chosen === 'sim' ? 'sim' : null;
if (api === null) usageError('--api is sim or env');
const port = Number(values.port ?? process.env['ROOMCALL_PREVIEW_PORT'] ?? 5174);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  usageError('--port is a number from 0 to 65535');
}

const managed =
  values.managed === undefined ? undefined : await loadManagedConfig({ file: values.managed });
if (managed?.status === 'invalid') console.error(managed.message);

const preview = await startSimPreview({
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
