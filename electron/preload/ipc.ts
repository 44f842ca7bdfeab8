/** The single IPC channel; the contract channel travels as its first argument. */
export const RPC_CHANNEL = 'rpt:rpc';
