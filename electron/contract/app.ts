import { z } from 'zod';
import { text } from './common';

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  actor: z.string(),
  frontDoor: z.enum(['electron', 'web', 'cli']),
});

export const Settings = z.object({ displayName: z.string() });
export const SettingsUpdateInput = z.strictObject({ displayName: text(80) });

export const Empty = z.strictObject({});
export const ExamplesLoaded = z.object({ created: z.array(z.string()), skipped: z.array(z.string()) });
