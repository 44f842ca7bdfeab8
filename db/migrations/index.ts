import { migration001 } from './001_initial';
import { migration002 } from './002_pathway';
import { migration003 } from './003_checklists';
import { migration004 } from './004_baselines';
import { migration005 } from './005_scenarios';
import { migration006 } from './006_change_sets';
import { migration007 } from './007_signatures';
import { migration008 } from './008_content';
import { migration009 } from './009_lots';
import type { Migration } from './types';

export type { Migration } from './types';

/** In order; each version is one more than the last. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
