// Electron lifecycle: open the data → migrate (backup first) → register IPC → open the hardened window.
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { findClinic } from './clinic/service';
import { openCore, type Core } from './core';
import { clinicDay, startDailyBackups, type DailyBackups } from './db/backups';
import { MigrationError } from './db/migrate';
import { registerIpc } from './ipc/register';
import { logError } from './log';
import { startPayments } from './payments/register';
import { safeStorageStore } from './secrets/safe-storage-store';
import { chromiumDirFor, resolveDataDir, resolveMigrationsFolder, resolvePreloadPath, resolveRendererDir } from './paths';
import { APP_ORIGIN, APP_SCHEME, serveAppFile } from './shell/app-protocol';
import { appMenuTemplate } from './shell/menu';
import { debuggingSwitchesIn, guardWebContents, hardenSession } from './shell/security';
import { createMainWindow, openInBrowser } from './shell/window';

// Must run before 'ready': app:// behaves like https (own origin, fetch, CSP) but never bypasses CSP.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// Before 'ready' and before the single-instance lock, which lives in this folder.
const chromiumDir = chromiumDirFor();
if (chromiumDir) app.setPath('userData', chromiumDir);
// The development build loads the page from the Vite server; an installed app only ever from app://anteroom.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigins = [APP_ORIGIN, ...(devUrl ? [new URL(devUrl).origin] : [])];
// Every WebContents, present and future, gets the same guards (no navigation, no pop-ups, no webviews).
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openInBrowser, appOrigins));

let core: Core | undefined;
let backups: DailyBackups | undefined;

function showStartupError(e: unknown): void {
  const backup = e instanceof MigrationError && e.backupPath ? `\n\nA copy of your data was saved before the update:\n${e.backupPath}` : '';
  const detail = e instanceof MigrationError ? e.message : 'The clinic data could not be opened. Nothing was changed.';
  logError('startup failed', e);
  dialog.showErrorBox('Anteroom could not start', `${detail}${backup}\n\nPlease contact your support person. Anteroom will now close.`);
}

async function start(): Promise<void> {
  try {
    core = openCore({ dataDir: resolveDataDir(app), migrationsFolder: resolveMigrationsFolder(app) });
  } catch (e) {
    showStartupError(e);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  if (app.isPackaged) {
    // Development keeps Electron's default menu (Reload, Toggle DevTools).
    const template = appMenuTemplate(process.platform);
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  }
  const rendererDir = resolveRendererDir();
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request));

  registerIpc(core.dispatch, appOrigins);
  // The Stripe key is kept with the OS's own secret store (after 'ready': Linux's keyring is only known then);
  // the runner sends queued payment-link and refund work to Stripe in the background.
  startPayments(core.db, safeStorageStore(safeStorage));
  // A copy of the data file a day, kept for a week, beside the copies taken before updates.
  const { db } = core;
  backups = startDailyBackups({
    sqlite: db.$client,
    dir: join(dirname(core.dbFile), 'backups'),
    today: () => {
      const clinic = findClinic(db);
      return clinic ? clinicDay(new Date(), clinic.timeZone) : null;
    },
    onError: (e) => logError('daily backup failed', e),
  });

  const win = createMainWindow(resolvePreloadPath(), { devTools: !app.isPackaged });
  await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

const refusedSwitches = app.isPackaged ? debuggingSwitchesIn(app.commandLine) : [];
if (refusedSwitches.length > 0) {
  // An installed app never lets another program attach a debugger to the clinic's data.
  // (Playwright's Electron launch uses --remote-debugging-port, so development builds allow it.)
  console.error(`[anteroom] refusing to start with debugging switches: ${refusedSwitches.join(', ')}`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same data file: focus the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // A copy still being written is cut short (its temporary file is cleared next time); the data file is not.
    void backups?.stop();
    core?.close();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      showStartupError(e);
      app.exit(1);
    });
}
