import type { App, Session, Shell, WebContents } from 'electron';
import { mayNavigate, windowOpenDecision } from './navigation-policy';

/**
 * The Electron security checklist's runtime parts, for every webContents the app ever creates
 * (https://www.electronjs.org/docs/latest/tutorial/security): navigation locked to the app's
 * origin, no new windows (an https help link opens in the browser instead), no <webview>, and
 * every permission request and check refused. The window options are in web-preferences.ts.
 */
export function hardenAllWebContents(app: App, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell);
  });
}

export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  // will-frame-navigate covers subframes too; will-redirect covers server-side redirects.
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.action === 'external')
      void shell.openExternal(decision.url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** RoomCall's pages need no camera, microphone, notifications from the page, HID, USB… */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    callback(null);
  });
  // Device choosers: choosing nothing (an empty id) refuses the page's request.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
