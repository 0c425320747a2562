// Building blocks of the IPC contract: a channel is an input schema, an output type and a permission.
import type { z } from 'zod';
import type { Permission } from '../roles';

export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  permission: Permission;
  /**
   * The window calls this on a timer (the day book's refresh, a panel's poll), not because someone did something:
   * such a call never keeps the desk awake. Main's idle lock counts only what a person does, so a desk left with
   * the day book on screen still locks after the clinic's idle time — whatever the window's own timer does.
   */
  background?: true;
  /** Phantom: carries the output type only; never set at run time. */
  readonly __output?: O;
}

/** `channel<Output>()({ input, permission })` — the curried form lets TS infer the input schema. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(def: { input: I; permission: Permission; background?: true }): Channel<I, O> =>
    def;
