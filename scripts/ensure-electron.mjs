// `npm ci` runs with Electron's binary download deferred (ELECTRON_SKIP_BINARY_DOWNLOAD, see
// scripts/toolchain.sh) so installing works on machines that cannot reach Electron's download
// host. Before the app starts, fetch the binary the normal way: Electron's own install script.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

export function electronBinaryPath() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (electronBinaryPath() === null) {
    console.error('Downloading Electron (first start only)...');
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      stdio: 'inherit',
      env,
    });
    if (result.status !== 0 || electronBinaryPath() === null) {
      console.error(
        'Electron could not be downloaded. Check the network or a proxy (ELECTRON_MIRROR), then run `./dev start` again.',
      );
      process.exit(1);
    }
  }
}
