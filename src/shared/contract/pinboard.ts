// Channels of the pinboard: list, pin and unpin. Placing a pinned card is an ordinary appointments.reschedule,
// which takes the pin off in the same transaction (see src/main/pinboard/listener.ts).
import { pinboardListInput, pinInput, type PinnedAppointment } from '../pinboard';
import { channel } from './define';

export const pinboardChannels = {
  /** Background: re-read every half minute beside the day book. */
  'pinboard.list': channel<PinnedAppointment[]>()({ input: pinboardListInput, permission: 'schedule.read', background: true }),
  'pinboard.pin': channel<PinnedAppointment>()({ input: pinInput, permission: 'schedule.write' }),
  'pinboard.unpin': channel<null>()({ input: pinInput, permission: 'schedule.write' }),
};
