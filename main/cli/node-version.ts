/**
 * The oldest Node.js the `roomcall` command runs on: Electron 45's toolchain and the CLI's
 * bundle target (node22) need 22.12. Checked by the launcher before anything else loads,
 * because keytar is a native module built for one Node ABI: loaded by an older Node it does
 * not fail with an error, it crashes the process (exit 139, no message).
 */
export const MIN_NODE: readonly [major: number, minor: number] = [22, 12];

/** True when `version` (process.versions.node, e.g. "24.11.1") is MIN_NODE or newer. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  const [wantMajor, wantMinor] = MIN_NODE;
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/** What to tell a person whose Node is too old: the version found and what to install. */
export function unsupportedNodeMessage(version: string): string {
  const [wantMajor, wantMinor] = MIN_NODE;
  return (
    `roomcall needs Node.js ${String(wantMajor)}.${String(wantMinor)} or newer, ` +
    `and this is Node.js ${version}.\n` +
    'Install Node.js 24 (the current LTS) from https://nodejs.org or your package manager, ' +
    'then run roomcall again.\n'
  );
}
