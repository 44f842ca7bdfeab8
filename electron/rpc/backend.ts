import path from 'node:path';
import { DB_FILE_NAME, openDatabase, repositories } from '../../db';
import type { AppInfoValue } from '../services/context';
import { createContext, type ServiceContext } from '../services/context';
import { createDispatcher, type Dispatch } from './dispatch';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  frontDoor: AppInfoValue['frontDoor'];
  nativeBinding?: string;
  clock?: () => string;
  log?: (message: string, error: unknown) => void;
}

export interface Backend {
  dispatch: Dispatch;
  ctx: ServiceContext;
  close(): void;
}

/** Opens the data file and wires services to the dispatcher: the same for every front door. */
export function createBackend(options: BackendOptions): Backend {
  const dbPath = path.join(options.dataDir, DB_FILE_NAME);
  const opened = openDatabase(dbPath, { nativeBinding: options.nativeBinding });
  const ctx = createContext(
    opened.db,
    repositories(opened.db),
    { version: APP_VERSION, dataDir: options.dataDir, dbPath, schemaVersion: opened.schemaVersion, frontDoor: options.frontDoor },
    options.clock,
  );
  return {
    dispatch: createDispatcher(ctx, options.log),
    ctx,
    close: () => opened.db.close(),
  };
}
