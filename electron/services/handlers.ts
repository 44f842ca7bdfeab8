import type { Channel, ChannelOutput, ParsedInput } from '../contract';
import type { ServiceContext } from './context';

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: ServiceContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** A handler map for some channels of one area. */
export type HandlerMap<C extends Channel> = { [K in C]: Handler<K> };
