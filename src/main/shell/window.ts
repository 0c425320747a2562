// The main window, created with the hardened settings of Electron's security checklist.
// Navigation, pop-ups and webviews are blocked for every WebContents in index.ts ('web-contents-created').
import { BrowserWindow, dialog, shell } from 'electron';
import { confirmCloseWithUnsavedWork } from './close-guard';

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
  // The receipt is shown as a PDF in a frame, by Chromium's built-in PDF viewer — the only plugin Chromium still
  // has (no third-party plugins can load). Electron shows a PDF only with plugins on; with them off the receipt
  // frame stays blank or offers a download (electron/electron#25350). Not an item of Electron's security checklist.
  plugins: true,
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
  confirmCloseWithUnsavedWork(win.webContents, () => askToDiscard(win));
  return win;
}

/** The native question, with the safe answer first and as the default (Enter, Esc). */
function askToDiscard(win: BrowserWindow): boolean {
  const answer = dialog.showMessageBoxSync(win, {
    type: 'question',
    title: 'Leave without saving?',
    message: 'Leave without saving?',
    detail: 'What you typed in this form has not been saved and will be lost.',
    buttons: ['Stay on the form', 'Close and discard'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return answer === 1;
}
