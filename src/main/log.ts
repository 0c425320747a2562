// Main-process logging that never writes patient data: only a label, the error's class and stack frames.
export function logError(label: string, e: unknown): void {
  const name = e instanceof Error ? e.name : typeof e;
  // Stack frames hold file paths and function names, never values; the message may hold values, so it is dropped —
  // all of it: a message can run over several lines, so frames are picked by their "at …" shape, not by position.
  const frames = e instanceof Error && e.stack ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 5).join('\n') : '';
  console.error(`[anteroom] ${label}: ${name}\n${frames}`);
}
