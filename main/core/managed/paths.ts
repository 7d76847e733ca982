import path from 'node:path';

/**
 * Where IT puts the machine-wide managed configuration (docs/managed-config.md). Each is a
 * folder only administrators can write to, so a user cannot redirect everyone's API calls.
 *
 *   macOS    /Library/Application Support/RoomCall/managed.json
 *   Windows  %ProgramData%\RoomCall\managed.json
 *   Linux    /etc/roomcall/managed.json
 *
 * ROOMCALL_MANAGED_CONFIG overrides the path (tests, and trying a file before deploying it).
 */

const MANAGED_CONFIG_ENV = 'ROOMCALL_MANAGED_CONFIG';
const MANAGED_FILE_NAME = 'managed.json';

export interface ManagedPathContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

export function managedConfigPath(
  context: ManagedPathContext = { env: process.env, platform: process.platform },
): string {
  const { env, platform } = context;
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const override = env[MANAGED_CONFIG_ENV];
  if (override !== undefined && override !== '') return pathApi.resolve(override);
  if (platform === 'win32') {
    // %ProgramData% is C:\ProgramData on every supported Windows; the fallback covers a
    // process started with a scrubbed environment.
    const programData = env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'RoomCall', MANAGED_FILE_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join('/Library/Application Support/RoomCall', MANAGED_FILE_NAME);
  }
  return path.posix.join('/etc/roomcall', MANAGED_FILE_NAME);
}
