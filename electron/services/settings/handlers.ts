import { DEFAULT_BACKUPS_KEPT } from '../../../db/backup';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handlers';

function readSettings(ctx: ServiceContext) {
  return {
    displayName: ctx.repos.settings.get('displayName') ?? '',
    backupKeep: Number(ctx.repos.settings.get('backupKeep') ?? DEFAULT_BACKUPS_KEPT),
  };
}

export const settingsHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.update'> = {
  'app.info': (_input, ctx) => ({ ...ctx.info, actor: ctx.actor() }),
  'settings.get': (_input, ctx) => readSettings(ctx),
  'settings.update': (changes, ctx) =>
    ctx.write((audit) => {
      const before = readSettings(ctx);
      for (const [key, value] of Object.entries(changes) as Array<[keyof typeof before, string | number]>) {
        if (value === undefined || before[key] === value) continue;
        ctx.repos.settings.set(key, String(value));
        audit({ entity: 'setting', entityId: key, productId: null, action: 'update', field: key, oldValue: String(before[key]), newValue: String(value) });
      }
      return readSettings(ctx);
    }),
};
