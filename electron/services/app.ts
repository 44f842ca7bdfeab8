import type { HandlerMap } from './handlers';

export const appHandlers: HandlerMap<'app.info' | 'settings.get' | 'settings.update' | 'audit.list'> = {
  'app.info': (_input, ctx) => ({ ...ctx.info, actor: ctx.actor() }),
  'settings.get': (_input, ctx) => ({ displayName: ctx.repos.settings.get('displayName') ?? '' }),
  'settings.update': ({ displayName }, ctx) =>
    ctx.write((audit) => {
      const before = ctx.repos.settings.get('displayName') ?? '';
      if (before !== displayName) {
        ctx.repos.settings.set('displayName', displayName);
        audit({ entity: 'setting', entityId: 'displayName', productId: null, action: 'update', field: 'displayName', oldValue: before, newValue: displayName });
      }
      return { displayName };
    }),
  'audit.list': (query, ctx) => ctx.repos.audit.list(query),
};
