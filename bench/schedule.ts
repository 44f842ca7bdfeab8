/**
 * Schedule engine timings on random DAGs of 1,000 and 10,000 milestones with ~2 dependencies
 * each: the median of several runs after a warm-up, so JIT compilation and one-off GC pauses
 * do not decide the figure.
 */
import {
  computeSchedule,
  type ScheduleDependency,
  type ScheduleMilestone,
  type ScheduleOptions,
} from '../electron/domain/schedule';

import { timeMs, type BenchResult } from './harness';

const DEPENDENCIES_PER_MILESTONE = 2;

/** Deterministic PRNG, so every run times the same network. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random acyclic network shaped like a real plan: some events, some actual dates in the
 * first fifth, planned dates on about half, and input order shuffled so the sort has work.
 */
export function randomNetwork(
  count: number,
  seed = 1,
): { milestones: ScheduleMilestone[]; dependencies: ScheduleDependency[] } {
  const random = mulberry32(seed);
  const milestones: ScheduleMilestone[] = [];
  const dependencies: ScheduleDependency[] = [];
  for (let i = 0; i < count; i++) {
    const milestone: ScheduleMilestone = { id: `m${i}`, durationDays: random() < 0.2 ? 0 : 1 + Math.floor(random() * 30) };
    if (random() < 0.5) milestone.plannedStart = '2026-03-02';
    if (i < count / 5 && random() < 0.3) milestone.actualStart = '2026-01-15';
    milestones.push(milestone);
    if (i === 0) continue;
    for (let k = 0; k < DEPENDENCIES_PER_MILESTONE; k++) {
      dependencies.push({
        predecessorId: `m${Math.floor(random() * i)}`,
        successorId: milestone.id,
        lagDays: Math.floor(random() * 10),
      });
    }
  }
  for (let i = milestones.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [milestones[i], milestones[j]] = [milestones[j]!, milestones[i]!];
  }
  return { milestones, dependencies };
}

async function timeSchedule(count: number): Promise<number> {
  const { milestones, dependencies } = randomNetwork(count, count);
  const options: ScheduleOptions = { anchor: '2026-01-05', calendar: 'calendar', today: '2026-02-02' };
  let computed = 0;
  const ms = await timeMs(() => (computed += computeSchedule(milestones, dependencies, options).order.length), { warmUp: 20, runs: 21 });
  // Using the result keeps the call from being optimised away, and checks nothing was lost.
  if (computed !== count * 41) throw new Error('schedule benchmark lost milestones');
  return ms;
}

export async function benchSchedule(): Promise<BenchResult[]> {
  return [
    { name: 'schedule.1000', value: await timeSchedule(1_000), unit: 'ms' },
    { name: 'schedule.10000', value: await timeSchedule(10_000), unit: 'ms' },
  ];
}
