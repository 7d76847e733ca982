// The project's whole test command (`npm test`, `./dev test`): static checks, the build, then
// every test suite in the runtime it belongs to. Every stage runs even when an earlier one
// failed, so one CI log shows everything; the last line is the total in the plain
// "N passed, N failed, N skipped" form.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
const skippedStages = [];

function run(name, command, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(
    `── ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!ok) failedStages.push(name);
  return ok;
}

/** A check that is not a test suite still counts: one passed or one failed. */
function check(name, command, args) {
  if (run(name, command, args)) totals.passed += 1;
  else totals.failed += 1;
}

function vitestSuite(name, args, env = {}) {
  const report = join(results, `${name}.json`);
  const ok = run(
    name,
    'npx',
    [
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  addVitestReport(name, report, ok);
}

function addVitestReport(name, report, ok) {
  if (!existsSync(report)) {
    // The runner died before reporting: count the suite as one failure, never as a pass.
    totals.failed += 1;
    if (ok) failedStages.push(`${name} (no report)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  // A suite that fails to load has no failed tests but is still a failure.
  if (!ok && json.numFailedTests === 0) totals.failed += 1;
}

function skipStage(name, reason) {
  console.log(`\n── ${name} ──\nSKIPPED: ${reason}`);
  skippedStages.push(`${name}: ${reason}`);
  totals.skipped += 1;
}

/** "project › title: reason" for each skipped Playwright test in a JSON report. */
function skipReasons(suites) {
  const lines = [];
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const skip = (test.annotations ?? []).find((note) => note.type === 'skip');
        lines.push(
          `${test.projectName} › ${spec.title}: ${skip?.description ?? 'no reason given'}`,
        );
      }
    }
    lines.push(...skipReasons(suite.suites ?? []));
  }
  return lines;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

check('format', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
const built = run('build', 'npm', ['run', '--silent', 'build']);
totals[built ? 'passed' : 'failed'] += 1;

vitestSuite('unit-and-integration', []);

if (existsSync('vitest.keychain.config.ts')) {
  if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
    const report = join(results, 'keychain.json');
    const ok = run('keychain (real Secret Service)', 'bash', [
      'scripts/with-keyring.sh',
      'npx',
      'vitest',
      'run',
      '--config',
      'vitest.keychain.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ]);
    addVitestReport('keychain', report, ok);
  } else if (process.env.CI) {
    console.log('\n── keychain ──\nFAILED: CI must provide dbus-run-session and gnome-keyring.');
    failedStages.push('keychain');
    totals.failed += 1;
  } else {
    skipStage('keychain', 'no dbus-run-session / gnome-keyring-daemon on this machine');
  }
}

// Playwright: the UI in real Chromium, and the Electron shell where a binary exists.
{
  const report = join(results, 'playwright.json');
  const ok = run('playwright (ui in Chromium, electron)', 'npx', ['playwright', 'test']);
  if (!existsSync(report)) {
    totals.failed += 1;
    if (ok) failedStages.push('playwright (no report)');
  } else {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const stats = json.stats;
    // The list reporter shows a skipped test without its reason: say it here.
    for (const line of skipReasons(json.suites ?? [])) skippedStages.push(line);
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (!ok && stats.unexpected === 0) totals.failed += 1;
  }
}

console.log('\n── summary ──');
for (const line of skippedStages) console.log(`skipped: ${line}`);
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length > 0 ? 1 : 0);
