// Building blocks of the IPC contract: a channel is an input schema, an output type and a permission.
import type { z } from 'zod';
import type { Permission } from '../roles';

export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  permission: Permission;
  /** Phantom: carries the output type only; never set at run time. */
  readonly __output?: O;
}

/** `channel<Output>()({ input, permission })` — the curried form lets TS infer the input schema. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(def: { input: I; permission: Permission }): Channel<I, O> =>
    def;
