// The patient search box has one well-known id so shortcuts anywhere can put the cursor in it.
export const PATIENT_SEARCH_ID = 'patient-search';

export function focusPatientSearch(): void {
  const box = document.getElementById(PATIENT_SEARCH_ID);
  if (box instanceof HTMLInputElement) {
    box.focus();
    box.select();
  }
}
