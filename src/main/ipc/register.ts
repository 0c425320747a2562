// Binds each contract channel to ipcMain, trusting only the main frame of our own window on our own origin.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract';
import type { Dispatch } from './dispatch';

export function isTrustedSender(event: IpcMainInvokeEvent, allowedOrigins: string[]): boolean {
  const frame = event.senderFrame;
  // Only the top frame: a subframe has a parent. (Checked by parent, not by object identity with
  // sender.mainFrame, which Electron does not promise across navigations.) Null = frame already gone.
  if (!frame || frame.parent !== null) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  try {
    const origin = new URL(frame.url).origin;
    return allowedOrigins.includes(origin) || allowedOrigins.some((o) => frame.url.startsWith(`${o}/`));
  } catch {
    return false;
  }
}

export function registerIpc(dispatch: Dispatch, allowedOrigins: string[]): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, input: unknown) =>
      dispatch(name, input, { senderId: String(event.sender.id), trusted: isTrustedSender(event, allowedOrigins) }),
    );
  }
}
