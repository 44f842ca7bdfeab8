import { DEFAULT_BACKUPS_KEPT, listBackups } from '../../../db/backup';
import type { HandlerMap } from '../handlers';

export const backupHandlers: HandlerMap<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_input, ctx) => ({
    dir: ctx.maintenance.backupDir,
    keep: Number(ctx.repos.settings.get('backupKeep') ?? DEFAULT_BACKUPS_KEPT),
    backups: listBackups(ctx.maintenance.backupDir).map(({ name, kind, createdAt, bytes }) => ({ name, kind, createdAt, bytes })),
  }),
  'backups.create': async (_input, ctx) => {
    const { name, kind, createdAt, bytes } = await ctx.maintenance.backupNow('manual');
    return { name, kind, createdAt, bytes };
  },
  'backups.restore': ({ name }, ctx) => ctx.maintenance.restore(name),
};
