// IPC handlers of this desk's settings; turning the privacy screen on or off is audited (who, when — no values).
import type { HandlersFor } from '../ipc/handler-types';
import { deskSettings, saveDeskSettings } from './service';

export const deskHandlers: HandlersFor<'desk'> = {
  'desk.settingsGet': (_input, ctx) => deskSettings(ctx.db),
  'desk.settingsSave': (input, ctx) => {
    const saved = saveDeskSettings(ctx.db, input, ctx.now());
    ctx.audit('update', 'settings', null);
    return saved;
  },
};
