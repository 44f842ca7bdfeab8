import type { Channel } from '../contract';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { bundleHandlers } from './bundles/handlers';
import { checklistHandlers } from './checklists/handlers';
import { clockCalculatorHandlers } from './clocks/calculator';
import { clockHandlers } from './clocks/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { exportHandlers } from './exports/handlers';
import type { Handler, HandlerMap } from './handlers';
import { branchHandlers } from './pathway/branches';
import { lotHandlers } from './lots/handlers';
import { pathwayHandlers } from './pathway/handlers';
import { baselineHandlers } from './planning/baselines';
import { scenarioHandlers } from './planning/scenarios';
import { exampleHandlers } from './products/examples';
import { productHandlers } from './products/handlers';
import { settingsHandlers } from './settings/handlers';
import { signatureHandlers } from './signatures/handlers';

/** Every channel's handler, area by area. The type makes a channel without a handler a compile error. */
export const handlers: HandlerMap<Channel> = {
  ...settingsHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...bundleHandlers,
  ...exportHandlers,
  ...productHandlers,
  ...exampleHandlers,
  ...pathwayHandlers,
  ...branchHandlers,
  ...clockHandlers,
  ...clockCalculatorHandlers,
  ...dashboardHandlers,
  ...baselineHandlers,
  ...scenarioHandlers,
  ...checklistHandlers,
  ...signatureHandlers,
  ...lotHandlers,
};

export function handlerFor<C extends Channel>(channel: C): Handler<C> {
  return handlers[channel] as Handler<C>;
}
