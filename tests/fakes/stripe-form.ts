// Stripe's request encoding (form fields with bracketed paths), parsed back into objects for assertions.
export type Form = { [key: string]: string | Form | Form[] | string[] };

/** `a[b][0][c]=x` → { a: { b: [ { c: 'x' } ] } } — Stripe's form encoding. */
export function parseForm(text: string): Form {
  const root: Form = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.match(/[^[\]]+/g) ?? [key];
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return arrayify(root) as Form;
}

function arrayify(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, arrayify(x)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, x]) => x);
  return Object.fromEntries(entries);
}
