import type { WebPreferences } from 'electron';

/**
 * Every RoomCall window's webPreferences: isolated, sandboxed, no Node, only the one preload.
 * webSecurity, allowRunningInsecureContent and experimentalFeatures stay at their safe
 * defaults (not set at all, so nothing here can weaken them by mistake).
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    safeDialogs: true,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Developer tools in development only.
    devTools,
  };
}
