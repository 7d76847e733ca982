/**
 * The `roomcall` executable's first file (bundled to out/cli/roomcall.mjs): refuses an
 * unsupported Node.js in words, then loads the CLI itself (out/cli/roomcall-main.mjs). Kept
 * apart so that nothing of the CLI — and above all the native keychain module, which crashes
 * an older Node — is parsed or loaded before the check. Imports nothing but the check, the
 * compile cache's switch (Node's own module) and the version.
 */
import { version } from '../../package.json';
import { enableCliCompileCache } from './compile-cache';
import { isSupportedNode, unsupportedNodeMessage } from './node-version';

const args = process.argv.slice(2);

if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(unsupportedNodeMessage(process.versions.node));
  process.exitCode = 1;
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What scripts ask most often needs none of the CLI: answered before it loads. The same
  // answer as the CLI's own (commander's .version in program.ts, from the same package.json).
  process.stdout.write(`${version}\n`);
} else {
  enableCliCompileCache();
  // A variable, not a literal: the bundler leaves the import to run time (the CLI's bundle
  // sits next to this file) instead of inlining the CLI into the launcher.
  const cli = './roomcall-main.mjs';
  await import(cli);
}
