// Scheduling for administrators: doctors, their weekly hours, time off and clinic closures, appointment types.
import { useState } from 'react';
import { HoursTab } from './HoursTab';
import { ProvidersTab } from './ProvidersTab';
import { TimeOffTab } from './TimeOffTab';
import { TypesTab } from './TypesTab';

const TABS = [
  { key: 'doctors', label: 'Doctors' },
  { key: 'hours', label: 'Working hours' },
  { key: 'timeoff', label: 'Time off & closures' },
  { key: 'types', label: 'Appointment types' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function SchedulingAdminScreen() {
  const [tab, setTab] = useState<Tab>('doctors');
  return (
    <div className="screen">
      <div className="screen-header">
        <div>
          <h1 className="screen-title">Scheduling</h1>
          <p className="screen-subtitle">Who sees patients, when, and for how long. Changes show in the day book straight away.</p>
        </div>
      </div>
      <div className="sched-tabs" role="tablist" aria-label="Scheduling">
        {TABS.map((t) => (
          <button key={t.key} type="button" role="tab" className="sched-tab" aria-selected={tab === t.key} onClick={() => setTab(t.key)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.key === tab)?.label}>
        {tab === 'doctors' && <ProvidersTab />}
        {tab === 'hours' && <HoursTab />}
        {tab === 'timeoff' && <TimeOffTab />}
        {tab === 'types' && <TypesTab />}
      </div>
    </div>
  );
}
