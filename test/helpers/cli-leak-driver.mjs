// Runs inside scripts/with-keyring.sh (its own D-Bus session, gnome-keyring, throwaway HOME):
// the built `roomcall` once per step, as a person would, then a copy of the whole HOME (the
// keyring file and RoomCall's data folder under it) for the parent test to scan, since
// with-keyring deletes its sandbox on exit. Plain JavaScript: it runs under bare node.
//   node cli-leak-driver.mjs <roomcall.mjs> <steps.json> <out dir>
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [bundle, stepsFile, outDir] = process.argv.slice(2);
const home = process.env.HOME;
const steps = JSON.parse(readFileSync(stepsFile, 'utf8'));
const results = [];
for (const step of steps) {
  const argv = step.argv.map((arg) => arg.replaceAll('$HOME', home));
  const run = spawnSync(process.execPath, [bundle, ...argv], {
    input: step.stdin ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  results.push({ argv, code: run.status, stdout: run.stdout, stderr: run.stderr });
}
// Regular files and folders only (the keyring daemon's sockets live outside HOME anyway).
cpSync(home, path.join(outDir, 'home'), {
  recursive: true,
  filter: (source) => {
    const stat = lstatSync(source);
    return stat.isDirectory() || stat.isFile();
  },
});
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ home, results }));
