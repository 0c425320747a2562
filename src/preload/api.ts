// Builds window.api from the contract: one function per channel, each bound to its own channel name.
// Shared by the Electron preload and the browser test harness, so both expose exactly the same surface.
import { CHANNEL_NAMES, type Api } from '../shared/contract';
import type { Result } from '../shared/result';

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, method] = name.split('.') as [string, string];
    // Calling with no argument means "no input" — channels with empty schemas take {}.
    (api[domain] ??= {})[method] = (input: unknown = {}) => transport(name, input);
  }
  return Object.freeze(api) as unknown as Api;
}
