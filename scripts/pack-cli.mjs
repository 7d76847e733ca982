// Packs the `roomcall` command line as an npm package of its own (dist/roomcall-<version>.tgz),
// so a person who only wants the CLI installs it in one step:
//
//   npm install -g ./dist/roomcall-<version>.tgz      (or the published package)
//
// The package holds the built CLI (made by `npm run build`): the launcher, the CLI's entry and
// the chunks it loads on demand (chunks/: the commands' code, split off so that `--help` loads
// none of it), without source maps. It depends on keytar alone: npm builds that native module
// for the Node that installs it, which is why the CLI is not shipped inside the packaged app
// (its Node is Electron's, and the app's runAsNode fuse is off, rightly).
//
// Usage: node scripts/pack-cli.mjs [--from out/cli] [--to dist]
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: 'out/cli' },
    to: { type: 'string', default: 'dist' },
  },
});
const from = path.resolve(values.from);
const to = path.resolve(values.to);

const project = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = ['roomcall.mjs', 'roomcall-main.mjs'];
for (const file of [...entries, 'chunks']) {
  if (!existsSync(path.join(from, file))) {
    console.error(`pack-cli: ${path.join(from, file)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const chunks = readdirSync(path.join(from, 'chunks'))
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => path.join('chunks', file));
const files = [...entries, ...chunks];

const stage = mkdtempSync(path.join(tmpdir(), 'roomcall-cli-package-'));
try {
  mkdirSync(path.join(stage, 'chunks'));
  for (const file of files) copyFileSync(path.join(from, file), path.join(stage, file));
  const manifest = {
    name: 'roomcall',
    version: project.version,
    description: 'The RoomCall command line: invite a meeting room into a Tencent Meeting.',
    type: 'module',
    bin: { roomcall: 'roomcall.mjs' },
    files: [...entries, 'chunks'],
    engines: project.engines,
    dependencies: { keytar: project.dependencies.keytar },
  };
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(
    path.join(stage, 'README.md'),
    [
      '# roomcall',
      '',
      'Invite a meeting room (Tencent Meeting Rooms, SIP or H.323) into a Tencent Meeting from a',
      'terminal or a script. Needs Node.js 22.12 or newer; on Linux, the Secret Service (libsecret)',
      'for the keychain.',
      '',
      '```sh',
      'roomcall auth login',
      'roomcall invite --meeting 806-146-667 --room 1234567890123456789 --wait',
      'roomcall --help',
      '```',
      '',
    ].join('\n'),
  );
  mkdirSync(to, { recursive: true });
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', to], {
    cwd: stage,
    encoding: 'utf8',
  }).trim();
  console.log(path.join(to, packed.split('\n').at(-1) ?? packed));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
