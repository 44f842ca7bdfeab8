import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseOpenError } from '../../db';
import { createBackend, type Backend } from '../rpc/backend';
import { resolveDataDir } from '../rpc/paths';
import { OPEN_DOCUMENT_CHANNEL, RPC_CHANNEL, SAVE_FILE_CHANNEL, SHOW_FILE_CHANNEL } from '../preload/ipc';
import { describeWriteError, suffixOf, writeFileAtomic } from '../services/files';
import { documentToOpen } from '../services/checklists/documents';
import { installMenu } from './menu';
import { hardenSession, hardenWebContents, isTrustedFrame } from './security';

const rendererIndex = path.join(import.meta.dirname, '../renderer/index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

/**
 * In development the Electron-ABI build of better-sqlite3 lives in native/electron (made by
 * `npm run native:electron`), apart from the Node build the tests use. A packaged app has
 * its node_modules rebuilt for Electron by electron-builder and needs no override.
 */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function dataDirFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--data-dir');
  return i >= 0 ? argv[i + 1] : undefined;
}

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Secretome Regulatory Tracker',
    // Spelled out here, not spread from a constant, so a reviewer (and electronegativity) sees
    // every setting where the window is made; security.test.ts checks they match the policy.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadFile(rendererIndex);
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data file; it is asked to focus its window (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend?.close());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    installMenu(process.platform === 'darwin');
    const explicit = dataDirFromArgs(process.argv) ?? process.env.RPT_DATA_DIR;
    const dataDir = explicit ? resolveDataDir(explicit) : app.getPath('userData');
    try {
      backend = createBackend({ dataDir, frontDoor: 'electron', nativeBinding: electronNativeBinding() });
    } catch (error) {
      const message = error instanceof DatabaseOpenError || error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('The tracker cannot open its data file', message);
      app.exit(1);
      return;
    }
    const dispatch = backend.dispatch;
    backend.dailyBackup().catch((error: unknown) => console.error('The daily backup failed:', error));
    ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, rendererIndexUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused: the request does not come from the application window.' } };
      }
      return dispatch(String(channel), input);
    });
    const savedThisSession = new Set<string>();
    ipcMain.handle(SAVE_FILE_CHANNEL, async (event, suggestedName: unknown, data: unknown) => {
      if (!isTrustedFrame(event.senderFrame, rendererIndexUrl) || !(data instanceof Uint8Array) || !mainWindow) return null;
      const name = path.basename(String(suggestedName)).replace(/[^\w.\- ]+/g, '_') || 'export';
      // Only the kinds of file the tracker makes (.docx, .rptbundle), and the chosen name keeps the kind.
      const suffix = suffixOf(name);
      if (suffix === null) return null;
      const choice = await dialog.showSaveDialog(mainWindow, { defaultPath: path.join(app.getPath('documents'), name) });
      if (choice.canceled || !choice.filePath) return null;
      try {
        const written = writeFileAtomic(choice.filePath, data, suffix);
        savedThisSession.add(written.path);
        return written.path;
      } catch (error) {
        throw new Error(describeWriteError(error, choice.filePath));
      }
    });
    ipcMain.handle(SHOW_FILE_CHANNEL, (event, filePath: unknown) => {
      // Only files this session wrote: the page cannot make the shell reveal arbitrary paths.
      if (isTrustedFrame(event.senderFrame, rendererIndexUrl) && savedThisSession.has(String(filePath))) shell.showItemInFolder(String(filePath));
    });
    ipcMain.handle(OPEN_DOCUMENT_CHANNEL, async (event, filePath: unknown) => {
      if (!isTrustedFrame(event.senderFrame, rendererIndexUrl) || !backend) return 'Refused.';
      const target = String(filePath);
      // Only a document linked on a checklist item, that is a local file and not a program.
      const checked = documentToOpen(backend.ctx, target);
      if ('problem' in checked) return checked.problem;
      return shell.openPath(checked.path); // '' on success, else the system's message
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
