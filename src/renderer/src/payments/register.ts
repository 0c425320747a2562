// Plugs payments into the other features' extension points at start-up (imported once by main.tsx).
import { registerAppointmentPayment } from '../calendar/extension-points';
import { AppointmentPaymentSection } from './AppointmentPaymentSection';

registerAppointmentPayment(AppointmentPaymentSection);
