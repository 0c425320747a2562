// Electron lifecycle: open the data → migrate (backup first) → register IPC → open the hardened window.
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { openCore, type Core } from './core';
import { MigrationError } from './db/migrate';
import { registerIpc } from './ipc/register';
import { logError } from './log';
import { resolveDataDir, resolveMigrationsFolder, resolvePreloadPath, resolveRendererDir } from './paths';
import { APP_ORIGIN, APP_SCHEME, serveAppFile } from './shell/app-protocol';
import { hardenSession } from './shell/security';
import { createMainWindow } from './shell/window';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let core: Core | undefined;

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
  const rendererDir = resolveRendererDir();
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request));

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const origins = [APP_ORIGIN, ...(devUrl ? [new URL(devUrl).origin] : [])];
  registerIpc(core.dispatch, origins);

  const win = createMainWindow(resolvePreloadPath());
  await win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

if (!app.requestSingleInstanceLock()) {
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
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start, (e: unknown) => {
    showStartupError(e);
    app.exit(1);
  });
}
