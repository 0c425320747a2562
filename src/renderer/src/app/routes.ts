// Where the desk can be: one variant per screen. Later features add a variant here and an entry in screens.tsx.
export type Route =
  | { name: 'daybook' }
  | { name: 'today' }
  | { name: 'scheduling' }
  | { name: 'patients' }
  | { name: 'patient'; id: number }
  | { name: 'patient-new' }
  | { name: 'patient-edit'; id: number }
  | { name: 'patient-import' }
  | { name: 'staff' }
  | { name: 'audit' }
  | { name: 'clinic' }
  | { name: 'earnings' }
  | { name: 'payment-settings' };

export type RouteName = Route['name'];
export type RouteOf<N extends RouteName> = Extract<Route, { name: N }>;

/** The screen after sign-in: the front desk lives in the day book. */
export const HOME: Route = { name: 'daybook' };
