// `npm run bench`: one line per figure, `<name> <value> <unit>`.
import { benchChecklists } from './checklists';
import { benchDashboard } from './dashboard';
import { benchDispatch } from './dispatch';
import { benchExport } from './export';
import type { BenchResult } from './harness';
import { benchLots } from './lots';
import { benchPathway } from './pathway';
import { benchPlanning } from './planning';
import { benchSchedule } from './schedule';
import { benchSignatures } from './signatures';
import { benchUi } from './ui';

const suites: Array<() => Promise<BenchResult[]>> = [benchSchedule, benchDispatch, benchPathway, benchPlanning, benchChecklists, benchDashboard, benchExport, benchSignatures, benchLots, benchUi];

for (const suite of suites) {
  for (const r of await suite()) console.log(`${r.name} ${r.value} ${r.unit}`);
}
