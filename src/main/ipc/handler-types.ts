// Handler types derived from the contract: a missing or mistyped handler fails typecheck.
import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { HandlerContext } from './context';

export type Handler<K extends ChannelName> = (input: ParsedInputOf<K>, ctx: HandlerContext) => OutputOf<K> | Promise<OutputOf<K>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** The handlers of one domain, e.g. HandlersFor<'patients'>. */
export type HandlersFor<D extends string> = { [K in ChannelName as K extends `${D}.${string}` ? K : never]: Handler<K> };
