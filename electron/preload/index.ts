import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type Result } from '../contract';
import { RPC_CHANNEL } from './ipc';

/**
 * The renderer sees one function that reaches the dispatcher for contract channels only;
 * ipcRenderer itself is never exposed.
 */
const bridge = {
  invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel "${channel}".` } });
    }
    return ipcRenderer.invoke(RPC_CHANNEL, channel, input) as Promise<Result<unknown>>;
  },
};

contextBridge.exposeInMainWorld('rpt', bridge);
