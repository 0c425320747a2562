// One valid input per channel. Typed over every channel: adding a channel without a sample fails typecheck,
// so the generic permission and validation tests always cover the whole contract.
import type { ChannelName, InputOf } from '../../shared/contract';
import { CLINIC, SAMPLE_PATIENT } from './test-core';

export const SAMPLE_INPUTS: { [K in ChannelName]: InputOf<K> } = {
  'setup.status': {},
  'setup.complete': { clinic: CLINIC, admin: { username: 'second', displayName: 'Second Admin', password: 'another long password' } },
  'auth.signIn': { username: 'nobody', password: 'wrong password' },
  'auth.current': {},
  'auth.signOut': {},
  'auth.lock': {},
  'auth.unlock': { password: 'wrong password' },
  'clinic.get': {},
  'clinic.update': CLINIC,
  'staff.list': {},
  'staff.create': { username: 'newdoc', displayName: 'New Doctor', role: 'doctor', password: 'a long enough password' },
  'staff.update': { id: 1, displayName: 'Renamed' },
  'staff.resetPassword': { id: 1, password: 'a brand new password' },
  'audit.list': {},
  'patients.list': { query: 'gar' },
  'patients.get': { id: 1 },
  'patients.create': SAMPLE_PATIENT,
  'patients.update': { id: 1, fields: SAMPLE_PATIENT },
  'patients.archive': { id: 1 },
  'patients.restore': { id: 1 },
};
