// The main window, created with the hardened settings of Electron's security checklist.
// Navigation, pop-ups and webviews are blocked for every WebContents in index.ts ('web-contents-created').
import { BrowserWindow, shell } from 'electron';

/** Allow-listed links (see security.ts) open in the OS browser, never inside the app. */
export function openInBrowser(url: string): void {
  void shell.openExternal(url);
}

export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const;

/** devTools: on while developing, off in an installed app (staff cannot poke at the page or its data). */
export function createMainWindow(preloadPath: string, opts: { devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Anteroom',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, devTools: opts.devTools, preload: preloadPath },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}
