/**
 * `npm run sim`: the simulator on loopback until Ctrl-C.
 *
 *   --port N        (default: $ROOMCALL_SIM_PORT, else $PORT, else 8787)
 *   --rooms N       (default 40)
 *   --seed N        (default 1)
 *   --ring-ms N     ring time before a call's outcome (default 1500)
 *   --sdk-id ID     pretend the app was assigned this SdkId
 *   --rate-limit N  requests per minute before 190310
 *   --sparse        leave out zero, false and empty fields, as Go's omitempty does
 *   --latency-ms N  send every answer N ms late (a network's round trip)
 *   --quiet         no per-request log lines
 *
 * Prints the base URL and the demo credentials (fake, fixed) as environment lines.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './server';
import type { SimulatorOptions } from './types';

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
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      'usage: npm run sim -- [--port N] [--rooms N] [--seed N] [--ring-ms N] [--sdk-id ID] [--rate-limit N] [--sparse] [--latency-ms N] [--quiet]',
    );
    return;
  }
  const envPort = process.env['ROOMCALL_SIM_PORT'] ?? process.env['PORT'];
  const port = integer(values.port ?? envPort, '--port') ?? 8787;
  const options: SimulatorOptions = { port, log: !values.quiet };
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

  const sim = await startSimulator(options);
  const lines = [
    `WEMEET_BASE_URL=${sim.baseUrl}`,
    `WEMEET_APP_ID=${sim.credentials.appId}`,
    ...(sim.credentials.sdkId === undefined ? [] : [`WEMEET_SDK_ID=${sim.credentials.sdkId}`]),
    `WEMEET_SECRET_ID=${sim.credentials.secretId}`,
    `WEMEET_SECRET_KEY=${sim.credentials.secretKey}`,
    `WEMEET_OPERATOR_ID=${sim.operatorId}`,
  ];
  console.log(`Tencent Meeting API simulator on ${sim.baseUrl} (${sim.rooms.length} rooms)`);
  console.log('Demo credentials (fake, for this simulator only):');
  for (const line of lines) console.log(line);
  const current = sim.meetings.find((m) => m.status === 'MEETING_STATE_STARTED');
  if (current !== undefined) {
    console.log(
      `Current meeting: ${current.subject}, code ${current.meeting_code}, id ${current.meeting_id}`,
    );
  }
  console.log('Ctrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
