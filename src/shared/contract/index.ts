// The one IPC contract: every channel's name, input schema, output type and permission.
// Main registers a handler per key (typed from here); the preload exposes one function per key.
import type { z } from 'zod';
import type { Result } from '../result';
import { adminChannels } from './admin';
import type { Channel } from './define';
import { deskChannels } from './desk';
import { patientChannels } from './patients';
import { paymentChannels } from './payments';
import { pinboardChannels } from './pinboard';
import { patientSearchChannels } from './search';
import { schedulingChannels } from './scheduling';
import { sessionChannels } from './session';

export const contract = {
  ...sessionChannels,
  ...adminChannels,
  ...patientChannels,
  ...paymentChannels,
  ...patientSearchChannels,
  ...schedulingChannels,
  ...pinboardChannels,
  ...deskChannels,
} satisfies Record<string, Channel>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/** What the caller passes (before defaults/transforms). */
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInputOf<K extends ChannelName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = Contract[K] extends Channel<infer _I, infer O> ? O : never;

type Domain<K> = K extends `${infer D}.${string}` ? D : never;
type Method<K, D extends string> = K extends `${D}.${infer M}` ? M : never;

/** window.api: `api.patients.create(input)` for channel `patients.create`. */
export type Api = {
  [D in Domain<ChannelName>]: {
    [K in ChannelName as Method<K, D>]: {} extends InputOf<K>
      ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
      : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
  };
};
