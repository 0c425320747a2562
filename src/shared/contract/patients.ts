// Channels of the patient register.
import type { Patient, PatientPage } from '../patients';
import { patientCreateInput, patientIdInput, patientListInput, patientUpdateInput } from '../patients';
import { channel } from './define';

export const patientChannels = {
  'patients.list': channel<PatientPage>()({ input: patientListInput, permission: 'patients.read' }),
  'patients.get': channel<Patient>()({ input: patientIdInput, permission: 'patients.read' }),
  'patients.create': channel<Patient>()({ input: patientCreateInput, permission: 'patients.write' }),
  'patients.update': channel<Patient>()({ input: patientUpdateInput, permission: 'patients.write' }),
  'patients.archive': channel<Patient>()({ input: patientIdInput, permission: 'patients.write' }),
  'patients.restore': channel<Patient>()({ input: patientIdInput, permission: 'patients.write' }),
};
