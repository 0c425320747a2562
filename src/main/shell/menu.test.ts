// The installed app's menu offers no Reload and no DevTools; macOS keeps the Edit menu its shortcuts need.
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './menu';

describe('appMenuTemplate', () => {
  it('gives Windows and Linux no menu at all', () => {
    expect(appMenuTemplate('win32')).toBeNull();
    expect(appMenuTemplate('linux')).toBeNull();
  });

  it('gives macOS only the app, Edit and Window menus', () => {
    expect(appMenuTemplate('darwin')).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
  });
});
