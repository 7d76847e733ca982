import type { HelpTopic, ParsedRequestOf } from '../../shared/ipc/contract';

export type AppWindowName = ParsedRequestOf<'openWindow'>['window'];

/**
 * What the handlers may ask of the windows. The Electron shell implements it with real
 * windows and shell.openExternal; the web preview and the tests with their own stand-ins.
 */
export interface WindowPort {
  openWindow(name: AppWindowName): void;
  hidePopover(): void;
  /** Opens one of HELP_URLS in the person's browser. */
  openExternal(url: string): Promise<void>;
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
