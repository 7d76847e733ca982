/**
 * The `roomcall` executable's first file (bundled to out/cli/roomcall.mjs): refuses an
 * unsupported Node.js in words, then loads the CLI itself (out/cli/roomcall-main.mjs). Kept
 * apart so that nothing of the CLI — and above all the native keychain module, which crashes
 * an older Node — is parsed or loaded before the check. Imports nothing but the check and
 * the compile cache's switch (Node's own module).
 */
import { enableCliCompileCache } from './compile-cache';
import { isSupportedNode, unsupportedNodeMessage } from './node-version';

if (isSupportedNode(process.versions.node)) {
  enableCliCompileCache();
  // A variable, not a literal: the bundler leaves the import to run time (the CLI's bundle
  // sits next to this file) instead of inlining the CLI into the launcher.
  const cli = './roomcall-main.mjs';
  await import(cli);
} else {
  process.stderr.write(unsupportedNodeMessage(process.versions.node));
  process.exitCode = 1;
}
