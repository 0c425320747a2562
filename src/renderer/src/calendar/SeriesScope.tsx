// "This one / this and following" for a change to an appointment that repeats.
export function SeriesScope({ value, onChange, verb }: { value: 'this' | 'following'; onChange(v: 'this' | 'following'): void; verb: string }) {
  return (
    <fieldset className="series-scope">
      <legend className="field-label">This appointment repeats</legend>
      <label className="checkbox">
        <input type="radio" name="scope" checked={value === 'this'} onChange={() => onChange('this')} /> {verb} only this one
      </label>
      <label className="checkbox">
        <input type="radio" name="scope" checked={value === 'following'} onChange={() => onChange('following')} /> {verb} this and the following ones
      </label>
    </fieldset>
  );
}
