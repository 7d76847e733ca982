import os from 'node:os';
import type { AppState, SettingsView } from '../../shared/ipc/contract';
import type { ManagedLoad } from '../../core/managed/load-managed';
import { redactLine } from '../ipc/secret-guard';
import type { ShellDiagnostics } from './window-port';

/** How many log lines the report carries: enough for the last few problems, short to paste. */
export const DIAGNOSTIC_LOG_LINES = 200;

export interface DiagnosticsInput {
  readonly state: AppState;
  readonly settings: SettingsView;
  readonly shell: ShellDiagnostics;
  /** Every SecretId and SecretKey the process knows: scrubbed from the whole report. */
  readonly secrets: readonly string[];
  /** process.versions: Electron's main process adds `electron` and `chrome` (Node has neither). */
  readonly versions?: Readonly<Partial<Record<string, string>>>;
  readonly now?: Date;
}

/**
 * The plain-text report "Copy diagnostics" puts on the clipboard for support. It never holds a
 * SecretKey or SecretId: the credentials appear as the AppId, the SdkId and where they come
 * from; the settings have no secret fields; the log lines are scrubbed when written
 * (electron/log.ts) and the whole report once more here with the same rule, and dispatch's
 * secret guard checks the answer again before it reaches the window.
 */
export function diagnosticsReport(input: DiagnosticsInput): string {
  const versions = input.versions ?? process.versions;
  const { state, settings } = input;
  const credentials = state.credentials;
  const lines = [
    'RoomCall diagnostics',
    `Created: ${(input.now ?? new Date()).toISOString()}`,
    '',
    `App version: ${state.version}`,
    `Electron: ${versions['electron'] ?? '(not Electron: web preview or tests)'}`,
    `Chrome: ${versions['chrome'] ?? '(none)'}`,
    `Node: ${versions['node'] ?? process.version}`,
    `OS: ${os.type()} ${os.release()} (${process.platform}, ${process.arch})`,
    `Platform (as the windows see it): ${state.platform}`,
    `System locale: ${state.systemLocale}`,
    '',
    `Configured: ${state.configured ? 'yes' : 'no'}`,
    credentials === null
      ? 'Credentials: none'
      : `Credentials: AppId ${credentials.appId}, SdkId ${credentials.sdkId ?? '(none)'}, from the ${credentials.source}`,
    `Operator: ${state.operatorId ?? '(none)'}`,
    `Keychain: ${state.keychain.available ? 'available' : `unavailable (${state.keychain.message ?? 'no reason given'})`}`,
    ...state.warnings.map((warning) => `Warning: ${warning.file}: ${warning.message}`),
    '',
    'Effective settings:',
    ...Object.entries(settings.settings).map(
      ([key, value]) => `  ${key}: ${JSON.stringify(value)}`,
    ),
    `Locked by the organisation or the environment: ${settings.locked.length === 0 ? '(none)' : settings.locked.join(', ')}`,
    `Managed configuration: ${input.shell.managed}`,
    '',
    `Recent log lines (${String(input.shell.logLines.length)}):`,
    ...(input.shell.logLines.length === 0 ? ['  (none)'] : input.shell.logLines),
  ];
  return lines.map((line) => redactLine(line, input.secrets)).join('\n') + '\n';
}

/** One line about the managed configuration, as the report shows it. */
export function describeManaged(managed: ManagedLoad): string {
  switch (managed.status) {
    case 'absent':
      return `none (${managed.file})`;
    case 'ok':
      return `applied from ${managed.file}`;
    case 'invalid':
      return `invalid, nothing applied (${managed.file}): ${managed.message}`;
  }
}
