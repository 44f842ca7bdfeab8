import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type Result } from '../contract';
import { OPEN_DOCUMENT_CHANNEL, RPC_CHANNEL, SAVE_FILE_CHANNEL, SHOW_FILE_CHANNEL } from './ipc';

/**
 * The renderer sees a few functions: invoke() reaches the dispatcher for contract channels
 * only; the others ask the shell for what only it can do (a native save dialog, showing a saved
 * file, opening a linked document). ipcRenderer itself is never exposed.
 */
const bridge = {
  invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel "${channel}".` } });
    }
    return ipcRenderer.invoke(RPC_CHANNEL, channel, input) as Promise<Result<unknown>>;
  },
  /** Native save dialog, then an atomic write; resolves to the path, or null when cancelled. */
  saveFile(suggestedName: string, data: Uint8Array): Promise<string | null> {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, String(suggestedName), data) as Promise<string | null>;
  },
  /** Shows a file this session saved in the system file manager. */
  showFile(filePath: string): Promise<void> {
    return ipcRenderer.invoke(SHOW_FILE_CHANNEL, String(filePath)) as Promise<void>;
  },
  /** Opens a document linked on a checklist item with the system's application for it. */
  openDocument(filePath: string): Promise<string> {
    return ipcRenderer.invoke(OPEN_DOCUMENT_CHANNEL, String(filePath)) as Promise<string>;
  },
};

contextBridge.exposeInMainWorld('rpt', bridge);
