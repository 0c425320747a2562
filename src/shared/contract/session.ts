// Channels for first-run setup, sign-in, sign-out and the idle lock.
import type { SessionInfo, SetupStatus } from '../auth';
import { empty, setupInput, signInInput, unlockInput } from '../auth';
import { channel } from './define';

export const sessionChannels = {
  'setup.status': channel<SetupStatus>()({ input: empty, permission: 'public' }),
  'setup.complete': channel<SessionInfo>()({ input: setupInput, permission: 'public' }),
  'auth.signIn': channel<SessionInfo>()({ input: signInInput, permission: 'public' }),
  'auth.current': channel<SessionInfo | null>()({ input: empty, permission: 'public' }),
  'auth.signOut': channel<null>()({ input: empty, permission: 'public' }),
  'auth.lock': channel<null>()({ input: empty, permission: 'signedIn' }),
  // Public because a locked session is by definition not usable; the handler checks there is one.
  'auth.unlock': channel<SessionInfo>()({ input: unlockInput, permission: 'public' }),
};
