/**
 * `./dev sim` (`npm run sim`): the simulator on loopback until Ctrl-C.
 *
 *   --port N             (default: $ROOMCALL_SIM_PORT, else $PORT, else 8787)
 *   --rooms N            (default 40)
 *   --seed N             (default 1)
 *   --ring-ms N          ring time before a call's outcome (default 1500)
 *   --sdk-id ID          pretend the app was assigned this SdkId
 *   --rate-limit N       requests per minute before 190310
 *   --sparse             leave out zero, false and empty fields, as Go's omitempty does
 *   --latency-ms N       send every answer N ms late (a network's round trip)
 *   --exports-file PATH  also write the export lines to PATH, all at once; removed at start
 *                        and on Ctrl-C / SIGTERM, so it exists only while the simulator runs
 *   --env                print only the export lines: no banner, no request log
 *   --quiet              no per-request log lines
 *
 * (Not "--env-file": Node 24 takes that flag for itself even after the script name.)
 *
 * stdout carries only `export WEMEET_…='…'` lines (the base URL and the fixed, fake demo
 * credentials), so `./dev sim > sim.env &` or `--exports-file sim.env` gives a file a shell can
 * `source`; the banner and the request log go to stderr.
 */
import { parseArgs } from 'node:util';
import { exportLines, removeEnvFile, writeEnvFile } from './env-lines';
import { startSimulator } from './server';
import type { SimulatorOptions } from './types';

const USAGE =
  'usage: ./dev sim [--port N] [--rooms N] [--seed N] [--ring-ms N] [--sdk-id ID] ' +
  '[--rate-limit N] [--sparse] [--latency-ms N] [--exports-file PATH] [--env] [--quiet]';

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      rooms: { type: 'string' },
      seed: { type: 'string' },
      'ring-ms': { type: 'string' },
      'sdk-id': { type: 'string' },
      'rate-limit': { type: 'string' },
      sparse: { type: 'boolean', default: false },
      'latency-ms': { type: 'string' },
      'exports-file': { type: 'string' },
      env: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const envOnly = values.env;
  const envPort = process.env['ROOMCALL_SIM_PORT'] ?? process.env['PORT'];
  const port = integer(values.port ?? envPort, '--port') ?? 8787;
  const options: SimulatorOptions = { port, log: !values.quiet && !envOnly };
  const rooms = integer(values.rooms, '--rooms');
  if (rooms !== undefined) options.rooms = rooms;
  const seed = integer(values.seed, '--seed');
  if (seed !== undefined) options.seed = seed;
  const ringMs = integer(values['ring-ms'], '--ring-ms');
  if (ringMs !== undefined) options.callTiming = { ringMs };
  if (values['sdk-id'] !== undefined) options.sdkId = values['sdk-id'];
  const rateLimit = integer(values['rate-limit'], '--rate-limit');
  if (rateLimit !== undefined) options.rateLimitPerMinute = rateLimit;
  if (values.sparse) options.sparse = true;
  const latencyMs = integer(values['latency-ms'], '--latency-ms');
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  const envFile = values['exports-file'];
  if (envFile !== undefined) await removeEnvFile(envFile);

  const sim = await startSimulator(options);
  const lines = exportLines(sim);
  if (envFile !== undefined) await writeEnvFile(envFile, lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!envOnly) {
    const say = (line: string): void => {
      process.stderr.write(`${line}\n`);
    };
    const mode = [
      options.sparse === true ? 'sparse answers' : '',
      latencyMs ? `${latencyMs} ms latency` : '',
    ].filter(Boolean);
    say(
      `Tencent Meeting API simulator on ${sim.baseUrl} (${sim.rooms.length} rooms` +
        `${mode.length > 0 ? `, ${mode.join(', ')}` : ''}).`,
    );
    say('The export lines on stdout are fake demo credentials for this simulator only.');
    if (envFile !== undefined) say(`Written to ${envFile}: source it in your shell.`);
    const current = sim.meetings.find((m) => m.status === 'MEETING_STATE_STARTED');
    if (current !== undefined) {
      say(
        `Current meeting: ${current.subject}, code ${current.meeting_code}, id ${current.meeting_id}`,
      );
    }
    say('Ctrl-C to stop.');
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // The file names a port nobody listens on once the simulator is gone.
    const forget = envFile === undefined ? Promise.resolve() : removeEnvFile(envFile);
    void Promise.all([sim.close(), forget]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
