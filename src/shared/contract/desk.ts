// Channels of this desk's own settings. Any signed-in staff member may flip the privacy screen:
// it only hides, so whoever is at the desk when someone walks up must be able to turn it on.
import { empty } from '../auth';
import { deskSettingsSaveInput, type DeskSettings } from '../desk';
import { channel } from './define';

export const deskChannels = {
  'desk.settingsGet': channel<DeskSettings>()({ input: empty, permission: 'signedIn' }),
  'desk.settingsSave': channel<DeskSettings>()({ input: deskSettingsSaveInput, permission: 'signedIn' }),
};
