import type { HelpTopic, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';

export type AppWindowName = ParsedRequestOf<'openWindow'>['window'];
export type SaveFileOutcome = ResponseOf<'exportFavorites'>;

/**
 * What the handlers may ask of the windows and the shell around them. The Electron shell
 * implements it with real windows, dialogs, the clipboard and shell.openExternal; the web
 * preview and the tests with their own stand-ins.
 */
export interface WindowPort {
  openWindow(name: AppWindowName): void;
  hidePopover(): void;
  /** Opens one of HELP_URLS in the person's browser. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks where to save (`defaultName` proposed) and writes `contents` there, replacing the file
   * atomically; resolves `saved` only once it is written, `cancelled` when the person closed
   * the dialog. Throws when the file cannot be written.
   */
  saveFile(defaultName: string, contents: string): Promise<SaveFileOutcome>;
  /** Puts text on the clipboard; false where main has none to offer (the web preview). */
  copyText(text: string): Promise<boolean>;
  /** What only the shell knows, for the diagnostics report. */
  diagnostics(): ShellDiagnostics;
}

export interface ShellDiagnostics {
  /** The managed configuration's file and whether it was absent, applied or invalid (why). */
  readonly managed: string;
  /** The log's last lines (already scrubbed by electron/log.ts); none in the preview. */
  readonly logLines: readonly string[];
}

/**
 * The only pages openHelp opens: Tencent Meeting's documentation of the enterprise app's
 * credentials and signature (which also explains the 5-minute clock rule), and its REST API
 * product documentation for operator rights. Never a URL a window sends.
 */
export const HELP_URLS: Readonly<Record<HelpTopic, string>> = {
  credentials: 'https://cloud.tencent.com/document/product/1095/58768',
  permissions: 'https://cloud.tencent.com/document/product/1095',
  clock: 'https://cloud.tencent.com/document/product/1095/58768',
};

/** True for the help links only: what the window-open handler lets through to the browser. */
export function isHelpUrl(url: string): boolean {
  return Object.values(HELP_URLS).includes(url);
}
