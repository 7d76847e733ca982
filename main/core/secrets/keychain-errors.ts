/**
 * The one error for "the OS keychain cannot be used right now", with what is missing and how to
 * fix it on this platform. RoomCall never falls back to a plaintext file: this error is the
 * answer instead (or, for scripts and CI, the WEMEET_* environment variables).
 */

export type KeychainProblem =
  /** keytar's native module could not be loaded (not built, or libsecret missing). */
  | 'module-missing'
  /** Linux: no D-Bus session or no Secret Service answering on it. */
  | 'no-service'
  /** The keychain is locked, its unlock prompt could not be shown, or access was denied. */
  | 'locked-or-denied'
  /** Anything else the keychain reported. */
  | 'failed';

export class KeychainUnavailableError extends Error {
  readonly kind = 'keychain-unavailable';
  readonly problem: KeychainProblem;
  /** What to do about it, for the UI and the CLI to show on their own line. */
  readonly hint: string;
  constructor(problem: KeychainProblem, platform: NodeJS.Platform, systemMessage: string | null) {
    const hint = keychainHint(problem, platform);
    const said = systemMessage === null ? '' : ` (the system said: ${systemMessage})`;
    super(`${keychainWords(problem, platform)}${said}. ${hint}`);
    this.name = 'KeychainUnavailableError';
    this.problem = problem;
    this.hint = hint;
  }
}

const HEADLESS =
  'For scripts and CI, set WEMEET_APP_ID, WEMEET_SECRET_ID and WEMEET_SECRET_KEY instead.';

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'the macOS keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'the Secret Service keyring';
}

function keychainWords(problem: KeychainProblem, platform: NodeJS.Platform): string {
  const name = keychainName(platform);
  switch (problem) {
    case 'module-missing':
      return `RoomCall cannot reach ${name}: its keychain module (keytar) could not be loaded`;
    case 'no-service':
      return `RoomCall cannot reach ${name}: no Secret Service is running in this session`;
    case 'locked-or-denied':
      return `RoomCall cannot use ${name}: it is locked or access was denied`;
    case 'failed':
      return `RoomCall cannot use ${name}`;
  }
}

function keychainHint(problem: KeychainProblem, platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return problem === 'module-missing'
      ? 'Reinstall RoomCall (the native keytar module is missing or was built for another Node/Electron).'
      : 'Unlock the login keychain (Keychain Access), then try again and choose "Allow" or "Always Allow" when macOS asks whether RoomCall may use it.';
  }
  if (platform === 'win32') {
    return problem === 'module-missing'
      ? 'Reinstall RoomCall (the native keytar module is missing or was built for another Node/Electron).'
      : 'Make sure the Credential Manager service (VaultSvc) is running and that you are signed in with a normal user profile, then try again.';
  }
  switch (problem) {
    case 'module-missing':
      return `Install libsecret (Debian/Ubuntu: sudo apt install libsecret-1-0; Fedora: sudo dnf install libsecret), then reinstall RoomCall so keytar is rebuilt. ${HEADLESS}`;
    case 'no-service':
      return `Install and start a Secret Service such as gnome-keyring (Debian/Ubuntu: sudo apt install gnome-keyring) or KeePassXC with its Secret Service integration, inside a desktop or D-Bus session. ${HEADLESS}`;
    case 'locked-or-denied':
      return `Unlock your login keyring (Passwords and Keys / Seahorse), or from a terminal: gnome-keyring-daemon --unlock (it reads the password from standard input). ${HEADLESS}`;
    case 'failed':
      return `Check that your Secret Service (e.g. gnome-keyring) is running and unlocked. ${HEADLESS}`;
  }
}

/** Sorts a keytar/libsecret/Security.framework message into a problem. */
export function classifyKeychainMessage(
  message: string,
  platform: NodeJS.Platform,
): KeychainProblem {
  if (platform === 'darwin') return 'locked-or-denied';
  if (platform === 'win32') return 'failed';
  // libsecret over GDBus: no bus ("Could not connect: No such file or directory",
  // "Cannot autolaunch D-Bus without X11 $DISPLAY"), or no Secret Service on it
  // ("The name org.freedesktop.secrets was not provided by any .service files").
  if (
    /could not connect|autolaunch|org\.freedesktop\.secrets|ServiceUnknown|NameHasNoOwner|no such (file|interface)/i.test(
      message,
    )
  ) {
    return 'no-service';
  }
  // A locked collection whose unlock prompt could not be shown (no display) ends as
  // "Object does not exist at path /org/freedesktop/secrets/collection/login"; a dismissed
  // prompt as "Prompt dismissed" or "Cancelled".
  if (/locked|prompt|dismiss|cancel|denied|not allowed|does not exist at path/i.test(message)) {
    return 'locked-or-denied';
  }
  return 'failed';
}

/**
 * The system's own words, made safe for a message: every value being written is removed (no
 * keychain is known to echo one, but a message is no place to find out), and it is kept short.
 */
export function scrubSystemMessage(message: string, secrets: readonly string[]): string {
  let scrubbed = message;
  for (const secret of secrets) {
    if (secret.length > 0) scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  scrubbed = scrubbed.replace(/\s+/g, ' ').trim();
  return scrubbed.length > 200 ? `${scrubbed.slice(0, 199)}…` : scrubbed;
}
