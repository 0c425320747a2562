// Channels of scheduling: doctors and their time, appointment types, appointments, the calendar and the free-slot finder.
import {
  appointmentTypeCreateInput,
  appointmentTypeListInput,
  appointmentTypeOverrideInput,
  appointmentTypeUpdateInput,
  hoursSetInput,
  providerCreateInput,
  providerIdInput,
  providerListInput,
  providerUpdateInput,
  timeOffCreateInput,
  timeOffIdInput,
  timeOffListInput,
  type AppointmentType,
  type Provider,
  type TimeOff,
  type TimeOffCreated,
  type WorkingHours,
} from '../scheduling';
import {
  appointmentIdInput,
  appointmentUpdateInput,
  bookInput,
  cancelInput,
  dayCountsInput,
  forPatientInput,
  previewSeriesInput,
  rangeInput,
  rescheduleInput,
  setStatusInput,
  slotsFindInput,
  todayInput,
  undoInput,
  type AppointmentDetail,
  type AppointmentSaved,
  type CalendarAppointment,
  type CheckInList,
  type DayCount,
  type FreeSlot,
  type PatientAppointments,
  type SeriesPreview,
} from '../scheduling-appointments';
import { channel } from './define';

export const schedulingChannels = {
  'providers.list': channel<Provider[]>()({ input: providerListInput, permission: 'schedule.read' }),
  'providers.create': channel<Provider>()({ input: providerCreateInput, permission: 'schedule.manage' }),
  'providers.update': channel<Provider>()({ input: providerUpdateInput, permission: 'schedule.manage' }),
  'providers.hoursGet': channel<WorkingHours[]>()({ input: providerIdInput, permission: 'schedule.read' }),
  'providers.hoursSet': channel<WorkingHours[]>()({ input: hoursSetInput, permission: 'schedule.manage' }),

  'timeOff.list': channel<TimeOff[]>()({ input: timeOffListInput, permission: 'schedule.read' }),
  'timeOff.create': channel<TimeOffCreated>()({ input: timeOffCreateInput, permission: 'schedule.write' }),
  'timeOff.remove': channel<null>()({ input: timeOffIdInput, permission: 'schedule.write' }),

  'appointmentTypes.list': channel<AppointmentType[]>()({ input: appointmentTypeListInput, permission: 'schedule.read' }),
  'appointmentTypes.create': channel<AppointmentType>()({ input: appointmentTypeCreateInput, permission: 'schedule.manage' }),
  'appointmentTypes.update': channel<AppointmentType>()({ input: appointmentTypeUpdateInput, permission: 'schedule.manage' }),
  'appointmentTypes.setOverride': channel<AppointmentType>()({ input: appointmentTypeOverrideInput, permission: 'schedule.manage' }),

  'appointments.book': channel<AppointmentSaved>()({ input: bookInput, permission: 'schedule.write' }),
  'appointments.previewSeries': channel<SeriesPreview>()({ input: previewSeriesInput, permission: 'schedule.read' }),
  'appointments.reschedule': channel<AppointmentSaved>()({ input: rescheduleInput, permission: 'schedule.write' }),
  'appointments.cancel': channel<AppointmentSaved>()({ input: cancelInput, permission: 'schedule.write' }),
  'appointments.setStatus': channel<AppointmentSaved>()({ input: setStatusInput, permission: 'schedule.status' }),
  'appointments.update': channel<AppointmentSaved>()({ input: appointmentUpdateInput, permission: 'schedule.write' }),
  'appointments.undo': channel<AppointmentSaved>()({ input: undoInput, permission: 'schedule.write' }),
  'appointments.get': channel<AppointmentDetail>()({ input: appointmentIdInput, permission: 'schedule.read' }),
  /** Background: the day book re-reads its window every half minute for changes made at other desks. */
  'appointments.range': channel<{ appointments: CalendarAppointment[]; timeOff: TimeOff[] }>()({ input: rangeInput, permission: 'schedule.read', background: true }),
  /** Background: the month navigator re-reads whenever the day book does. */
  'appointments.dayCounts': channel<DayCount[]>()({ input: dayCountsInput, permission: 'schedule.read', background: true }),
  'appointments.forPatient': channel<PatientAppointments>()({ input: forPatientInput, permission: 'schedule.read' }),
  /** Background: the check-in list re-reads every half minute so waiting times move. */
  'appointments.today': channel<CheckInList>()({ input: todayInput, permission: 'schedule.read', background: true }),

  'slots.find': channel<FreeSlot[]>()({ input: slotsFindInput, permission: 'schedule.read' }),
};
