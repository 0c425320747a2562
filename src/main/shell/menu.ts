// The installed app's menu: nothing that reloads the page (losing an unsaved form) or opens DevTools.
import type { MenuItemConstructorOptions } from 'electron';

/** macOS needs an Edit menu for Cmd+C/V/X/A/Z to work; Windows and Linux get none (Chromium handles Ctrl+C/V). */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
