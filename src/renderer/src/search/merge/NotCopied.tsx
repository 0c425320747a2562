// Merging moves linked records, not the details typed on the archived one: say which details (an allergy
// above all) exist only there, so the desk copies them across instead of losing them silently.
import type { Patient } from '../../../../shared/patients';

const DETAILS: [keyof Patient, string][] = [
  ['allergies', 'Allergies'],
  ['medicalHistory', 'Medical history'],
  ['email', 'Email'],
  ['addressLine', 'Address'],
  ['emergencyContactName', 'Emergency contact'],
  ['emergencyContactPhone', 'Emergency contact phone'],
];

export function NotCopied({ keep, merge }: { keep: Patient; merge: Patient }) {
  const missing = DETAILS.filter(([key]) => {
    const theirs = merge[key];
    return typeof theirs === 'string' && theirs.trim() !== '' && theirs !== keep[key];
  });
  if (missing.length === 0) return null;
  const allergy = missing.some(([key]) => key === 'allergies');
  return (
    <p className={`banner ${allergy ? 'banner-danger' : 'banner-warning'} merge-not-copied`} role="note">
      <strong>Not copied:</strong> {missing.map(([, label]) => label).join(', ')} of {merge.mrn} {missing.length === 1 ? 'differs' : 'differ'} from {keep.mrn}
      {allergy ? ` (allergies: ${merge.allergies})` : ''}. Details are not combined — after merging, edit {keep.mrn} to add anything still needed.
    </p>
  );
}
