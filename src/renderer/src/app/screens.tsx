// The one registry of screens: a route name → how to render it, its title, and its nav entry if any.
// A new feature (Day book, Today, Payments) adds a Route variant, a component, and one entry here.
import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/roles';
import { AuditScreen } from '../admin/AuditScreen';
import { ClinicSettingsScreen } from '../admin/ClinicSettingsScreen';
import { StaffScreen } from '../admin/StaffScreen';
import { PatientDetailScreen } from '../patients/PatientDetailScreen';
import { PatientEditScreen } from '../patients/PatientEditScreen';
import { PatientNewScreen } from '../patients/PatientNewScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { EarningsScreen } from '../payments/EarningsScreen';
import { PaymentSettingsScreen } from '../payments/PaymentSettingsScreen';
import { ImportScreen } from '../search/import/ImportScreen';
import { DayBookScreen } from '../calendar/DayBookScreen';
import { TodayScreen } from '../calendar/TodayScreen';
import { SchedulingAdminScreen } from '../scheduling-admin/SchedulingAdminScreen';
import type { Route, RouteName, RouteOf } from './routes';

export interface ScreenDef<R extends Route> {
  title: string;
  render(route: R): ReactNode;
  /** The nav entry this screen lights up (a patient's page lights up "Patients"). */
  section: RouteName;
  nav?: { label: string; permission: Permission };
}

export const screens: { [N in RouteName]: ScreenDef<RouteOf<N>> } = {
  daybook: { title: 'Day book', section: 'daybook', nav: { label: 'Day book', permission: 'schedule.read' }, render: () => <DayBookScreen /> },
  today: { title: 'Today', section: 'today', nav: { label: 'Today', permission: 'schedule.read' }, render: () => <TodayScreen /> },
  scheduling: { title: 'Scheduling', section: 'scheduling', nav: { label: 'Scheduling', permission: 'schedule.manage' }, render: () => <SchedulingAdminScreen /> },
  patients: { title: 'Patients', section: 'patients', nav: { label: 'Patients', permission: 'patients.read' }, render: () => <PatientsScreen /> },
  patient: { title: 'Patient', section: 'patients', render: (r) => <PatientDetailScreen key={r.id} id={r.id} /> },
  'patient-new': { title: 'New patient', section: 'patients', render: () => <PatientNewScreen /> },
  'patient-edit': { title: 'Edit patient', section: 'patients', render: (r) => <PatientEditScreen key={r.id} id={r.id} /> },
  'patient-import': { title: 'Import patients', section: 'patients', render: () => <ImportScreen /> },
  staff: { title: 'Staff', section: 'staff', nav: { label: 'Staff', permission: 'staff.manage' }, render: () => <StaffScreen /> },
  audit: { title: 'Audit log', section: 'audit', nav: { label: 'Audit log', permission: 'audit.read' }, render: () => <AuditScreen /> },
  clinic: { title: 'Clinic settings', section: 'clinic', nav: { label: 'Clinic settings', permission: 'clinic.manage' }, render: () => <ClinicSettingsScreen /> },
  earnings: { title: 'Earnings', section: 'earnings', nav: { label: 'Earnings', permission: 'reports.read' }, render: () => <EarningsScreen /> },
  'payment-settings': {
    title: 'Payment settings',
    section: 'payment-settings',
    nav: { label: 'Payment settings', permission: 'payments.settings' },
    render: () => <PaymentSettingsScreen />,
  },
};

/** Nav entries in the order they appear in the top bar. */
export const NAV_ROUTES: Route[] = [{ name: 'daybook' }, { name: 'today' }, { name: 'patients' }, { name: 'scheduling' }, { name: 'earnings' }, { name: 'staff' }, { name: 'audit' }, { name: 'clinic' }, { name: 'payment-settings' }];

export function screenOf(route: Route): ScreenDef<Route> {
  // The mapped type guarantees screens[route.name] takes exactly this route's variant.
  return screens[route.name] as ScreenDef<Route>;
}
