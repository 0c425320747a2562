// Home: the patient register — search, filter, sort, and open a patient, all from the keyboard if wished.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { roleAllows } from '../../../shared/roles';
import type { PatientSummary } from '../../../shared/patients';
import { useApp, useSession } from '../app/store';
import { RankedResults } from '../search/RankedResults';
import { RegisterTools } from '../search/RegisterTools';
import { UpcomingFilter } from '../search/UpcomingFilter';
import { useRankedPages } from '../search/useRankedPages';
import { todayIn } from '../format/dates';
import { EmptyState } from '../ui/EmptyState';
import { Kbd } from '../ui/Kbd';
import { useShortcut } from '../ui/shortcuts';
import { listKeyAction } from './list-keys';
import { usePatientList } from './list-store';
import { PatientSearchBox } from './PatientSearchBox';
import { PatientTable } from './PatientTable';
import { focusPatientSearch } from './search-focus';
import { StatusFilter } from './StatusFilter';
import { listKey, usePatientPages } from './usePatientPages';

export function PatientsScreen() {
  const session = useSession();
  const navigate = useApp((s) => s.navigate);
  const list = usePatientList();
  // A typed search is answered by the ranked search; the plain list (no query) stays the virtualized register.
  const ranked = useRankedPages(list);
  // "Has an upcoming appointment" is a list filter: with it on, a typed search narrows the list instead.
  const plain = usePatientPages({ ...list, query: list.upcoming ? list.query : '' });
  const showRanked = list.query !== '' && !list.upcoming && ranked.ready;
  const pages = showRanked ? ranked.pages : plain;
  const total = pages.total ?? 0;
  const canAdd = roleAllows(session.user.role, 'patients.write');
  const addPatient = () => navigate({ name: 'patient-new' });
  const open = (p: PatientSummary) => navigate({ name: 'patient', id: p.id });

  useEffect(focusPatientSearch, []);
  useShortcut({ key: 'n' }, addPatient, canAdd);

  // Enter pressed before the typed search has answered: open its top hit when it does.
  const openWhenShown = useRef(false);
  const current = listKey(list);
  const upToDate = pages.shownKey === current;
  useEffect(() => {
    if (!openWhenShown.current || !upToDate) return;
    openWhenShown.current = false;
    const top = pages.rowAt(0);
    if (top) open(top);
  });

  const onListKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && (!upToDate || (e.currentTarget.value !== list.query))) {
      e.preventDefault();
      openWhenShown.current = true;
      return;
    }
    const action = listKeyAction(e, list.selected, total, true);
    if (action === null) return;
    e.preventDefault();
    if (action !== 'open') return list.select(action);
    // Enter in the search box opens the selected (by default the top) hit.
    const patient = pages.rowAt(list.selected);
    if (patient) open(patient);
  };

  const loaded = pages.total !== null;
  const registerEmpty = loaded && total === 0 && !list.query && !list.upcoming && list.status === 'active';

  return (
    <div className="screen patients-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">Patients</h1>
          <p className="screen-subtitle" aria-live="polite">
            {loaded ? `${total.toLocaleString()} ${list.query ? (total === 1 ? 'match' : 'matches') : total === 1 ? 'patient' : 'patients'}` : 'Loading…'}
          </p>
        </div>
        <div className="register-tools">
          <RegisterTools />
          {canAdd && (
            <button type="button" className="button button-primary" onClick={addPatient} aria-keyshortcuts="n">
              New patient <Kbd>N</Kbd>
            </button>
          )}
        </div>
      </header>
      <div className="toolbar">
        <PatientSearchBox
          query={list.query}
          activeId={upToDate && total > 0 ? `patient-row-${list.selected}` : undefined}
          onQuery={list.setQuery}
          onListKey={onListKey}
        />
        <StatusFilter value={list.status} onChange={list.setStatus} />
        <UpcomingFilter />
      </div>
      {pages.error && (
        <p className="form-error" role="alert">
          {pages.error}
        </p>
      )}
      {registerEmpty ? (
        <EmptyState
          title="Your patient register is empty"
          action={
            canAdd && (
              <button type="button" className="button button-primary" onClick={addPatient}>
                Add the first patient
              </button>
            )
          }
        >
          Everyone the clinic sees is listed here. Search by name, record number or phone, and open a patient to see their details and
          appointments.
        </EmptyState>
      ) : loaded && total === 0 ? (
        <EmptyState title={list.query ? `No patients match “${list.query}”` : `No ${list.status === 'archived' ? 'archived ' : ''}patients${list.upcoming ? ' with an upcoming appointment' : ''}`}>
          {list.query ? 'Check the spelling, or try part of the surname, the record number or a few digits of the phone number.' : null}
          {list.query && list.status === 'active' ? ' Archived patients are not searched — choose All to include them.' : null}
        </EmptyState>
      ) : showRanked ? (
        <RankedResults
          hits={ranked.hits}
          selected={list.selected}
          today={todayIn(session.clinic.timeZone)}
          timeZone={session.clinic.timeZone}
          onSelect={list.select}
          onOpen={(id) => navigate({ name: 'patient', id })}
        />
      ) : (
        <PatientTable
          pages={pages}
          total={total}
          selected={list.selected}
          sort={list.sort}
          direction={list.direction}
          country={session.clinic.country}
          timeZone={session.clinic.timeZone}
          onSort={list.sortBy}
          onSelect={list.select}
          onOpen={open}
        />
      )}
    </div>
  );
}
