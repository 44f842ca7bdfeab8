import type { Session, WebContents, WebFrameMain } from 'electron';

/**
 * True when an IPC message comes from the app's own page: the main frame of one of our
 * windows, loaded from the bundled renderer file.
 */
export function isTrustedFrame(frame: WebFrameMain | null, rendererIndexUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    const expected = new URL(rendererIndexUrl);
    return url.protocol === 'file:' && url.pathname === expected.pathname;
  } catch {
    return false;
  }
}

export function hardenSession(session: Session) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents) {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
