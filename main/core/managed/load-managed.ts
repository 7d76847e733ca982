import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { readFileLimited } from '../store/atomic-file';
import { parseJsonBytes, type JsonProblem } from '../store/safe-json';
import { parseManagedConfig, type ManagedConfig } from './managed-config';
import { managedConfigPath, type ManagedPathContext } from './paths';

/**
 * Reads the machine-wide managed configuration once at start-up. Three outcomes, and only one
 * of them applies anything:
 * - absent: no file, the normal case on a machine IT does not manage;
 * - ok: every value in the file, validated together;
 * - invalid: nothing from the file applies, and `message` says which file and what is wrong,
 *   for the app to show (and the CLI to print) until IT fixes it.
 */
export type ManagedLoad =
  | { readonly status: 'absent'; readonly file: string }
  | { readonly status: 'ok'; readonly file: string; readonly config: ManagedConfig }
  | { readonly status: 'invalid'; readonly file: string; readonly message: string };

/** A managed file is a few kilobytes; anything near this is not one. */
const MAX_MANAGED_BYTES = 1024 * 1024;

export interface LoadManagedOptions {
  /** The file to read; by default the platform's path or ROOMCALL_MANAGED_CONFIG. */
  readonly file?: string;
  readonly context?: ManagedPathContext;
  /** The OS login name; by default the current user's. */
  readonly username?: string;
}

const JSON_PROBLEMS: Readonly<Record<JsonProblem, string>> = {
  'not-utf8': 'it is not UTF-8 text',
  'too-deep': 'it is nested too deeply to be a managed configuration',
  'not-json': 'it is not valid JSON',
};

/** os.userInfo() throws where the user has no passwd entry (some containers). */
function currentUsername(env: Readonly<Record<string, string | undefined>>): string {
  try {
    return userInfo().username;
  } catch {
    return env['USER'] ?? env['USERNAME'] ?? '';
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function loadManagedConfig(options: LoadManagedOptions = {}): Promise<ManagedLoad> {
  const context = options.context ?? { env: process.env, platform: process.platform };
  const file = options.file ?? managedConfigPath(context);
  const invalid = (why: string): ManagedLoad => ({
    status: 'invalid',
    file,
    message: `The managed configuration ${file} was not applied: ${why}`,
  });

  let bytes: Uint8Array | null;
  try {
    bytes = await readFileLimited(file, MAX_MANAGED_BYTES);
  } catch (error) {
    return invalid(`it could not be read (${errorMessage(error)}).`);
  }
  if (bytes === null) return { status: 'absent', file };

  // Machine-wide values that any local user could edit would let one user redirect everyone's
  // API calls. Windows folder ACLs are not visible through mode bits, so this is POSIX only.
  if (context.platform !== 'win32') {
    const mode = (await stat(file)).mode;
    if ((mode & 0o022) !== 0) {
      return invalid(
        'users other than its owner can write to it; make it writable by its owner only ' +
          '(chmod 644, owned by root).',
      );
    }
  }

  const json = parseJsonBytes(bytes);
  if (!json.ok) return invalid(`${JSON_PROBLEMS[json.problem]}.`);
  const parsed = parseManagedConfig(json.value, {
    username: options.username ?? currentUsername(context.env),
  });
  if (!parsed.ok) return invalid(parsed.message);
  return { status: 'ok', file, config: parsed.value };
}
