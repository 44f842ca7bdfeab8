/** The IPC channels between preload and main; contract channels travel inside RPC_CHANNEL. */
export const RPC_CHANNEL = 'rpt:rpc';
export const SAVE_FILE_CHANNEL = 'rpt:save-file';
export const SHOW_FILE_CHANNEL = 'rpt:show-file';
export const OPEN_DOCUMENT_CHANNEL = 'rpt:open-document';
