// Scheduling for administrators: doctors, their weekly hours, time off and clinic closures, appointment types.
export function SchedulingAdminScreen() {
  return (
    <div className="screen">
      <h1 className="screen-title">Scheduling</h1>
    </div>
  );
}
