import type { Channel } from '../contract';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { makeBaselineHandlers } from './baselines';
import { bundleHandlers } from './bundles';
import { exportHandlers } from './exports';
import { checklistHandlers } from './checklistHandlers';
import { clockCalculatorHandlers } from './clockCalculator';
import { dashboardHandlers } from './dashboard';
import { loadPathwayView } from './pathway';
import { pathwayHandlers } from './pathwayHandlers';
import { scenarioHandlers } from './scenarios';
import { exampleHandlers } from './examples';
import type { Handler, HandlerMap } from './handlers';
import { productHandlers } from './products';

/** Every channel's handler. The type makes a channel without a handler a compile error. */
export const handlers: HandlerMap<Channel> = {
  ...appHandlers,
  ...backupHandlers,
  ...bundleHandlers,
  ...exportHandlers,
  ...productHandlers,
  ...exampleHandlers,
  ...pathwayHandlers,
  ...dashboardHandlers,
  ...makeBaselineHandlers(loadPathwayView),
  ...scenarioHandlers,
  ...clockCalculatorHandlers,
  ...checklistHandlers,
};

export function handlerFor<C extends Channel>(channel: C): Handler<C> {
  return handlers[channel] as Handler<C>;
}
