/**
 * The dependency graph of a schedule as compact adjacency arrays (built once per computation),
 * and cycle detection over it. Split from the engine so the pathway editor can check a new
 * dependency for a cycle without scheduling anything.
 */
export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

export class ScheduleCycleError extends Error {
  /** Ids along the cycle, first id repeated at the end: ['a', 'b', 'a']. */
  readonly cycle: string[];
  constructor(cycle: string[]) {
    super(`The dependencies form a cycle: ${cycle.join(' -> ')}. Remove one of these dependencies.`);
    this.name = 'ScheduleCycleError';
    this.cycle = cycle;
  }
}

export interface Graph {
  indexById: Map<string, number>;
  /** Out-edges of node v are edgeTarget/edgeLag[offsets[v] .. offsets[v + 1]). */
  offsets: Int32Array;
  edgeTarget: Int32Array;
  edgeLag: Int32Array;
  inDegree: Int32Array;
}

function describeDependency(dependency: { predecessorId: unknown; successorId: unknown }, position: number): string {
  return `dependencies[${position}] (${String(dependency.predecessorId)} -> ${String(dependency.successorId)})`;
}

function indexIds(ids: readonly string[]): Map<string, number> {
  const indexById = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (typeof id !== 'string' || id === '') {
      throw new ScheduleInputError(`milestones[${i}].id: expected a non-empty string`);
    }
    if (indexById.has(id)) throw new ScheduleInputError(`milestones[${i}].id: duplicate milestone id "${id}"`);
    indexById.set(id, i);
  }
  return indexById;
}

export function buildGraph(
  ids: readonly string[],
  dependencies: ReadonlyArray<{ predecessorId: string; successorId: string; lagDays?: number }>,
  checkLags: boolean,
): Graph {
  const indexById = indexIds(ids);
  const nodeCount = ids.length;
  const edgeCount = dependencies.length;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const offsets = new Int32Array(nodeCount + 1);
  const inDegree = new Int32Array(nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const dependency = dependencies[e]!;
    const predecessor = indexById.get(dependency.predecessorId);
    const successor = indexById.get(dependency.successorId);
    if (predecessor === undefined) {
      throw new ScheduleInputError(
        `${describeDependency(dependency, e)}: unknown predecessor id "${String(dependency.predecessorId)}"`,
      );
    }
    if (successor === undefined) {
      throw new ScheduleInputError(
        `${describeDependency(dependency, e)}: unknown successor id "${String(dependency.successorId)}"`,
      );
    }
    if (checkLags && !Number.isInteger(dependency.lagDays)) {
      throw new ScheduleInputError(
        `${describeDependency(dependency, e)}.lagDays: expected a whole number of days, got ${String(dependency.lagDays)}`,
      );
    }
    from[e] = predecessor;
    to[e] = successor;
    offsets[predecessor + 1]!++;
    inDegree[successor]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  // Counting sort of edges by predecessor keeps each node's out-edges in input order.
  const cursor = offsets.slice(0, nodeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeLag = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const slot = cursor[from[e]!]!++;
    edgeTarget[slot] = to[e]!;
    edgeLag[slot] = checkLags ? (dependencies[e]!.lagDays as number) : 0;
  }
  return { indexById, offsets, edgeTarget, edgeLag, inDegree };
}

export function cycleFromGraph(ids: readonly string[], graph: Graph): string[] | null {
  const { offsets, edgeTarget } = graph;
  const nodeCount = ids.length;
  const WHITE = 0;
  const ON_STACK = 1;
  const DONE = 2;
  const colour = new Uint8Array(nodeCount);
  // Iterative DFS: a recursive one would overflow the call stack on long chains.
  const stack = new Int32Array(nodeCount);
  const nextEdge = new Int32Array(nodeCount);
  for (let root = 0; root < nodeCount; root++) {
    if (colour[root] !== WHITE) continue;
    let depth = 0;
    stack[0] = root;
    nextEdge[root] = offsets[root]!;
    colour[root] = ON_STACK;
    while (depth >= 0) {
      const v = stack[depth]!;
      const edge = nextEdge[v]!;
      if (edge < offsets[v + 1]!) {
        nextEdge[v] = edge + 1;
        const w = edgeTarget[edge]!;
        if (colour[w] === ON_STACK) {
          let start = depth;
          while (stack[start] !== w) start--;
          const cycle: string[] = [];
          for (let i = start; i <= depth; i++) cycle.push(ids[stack[i]!]!);
          cycle.push(ids[w]!);
          return cycle;
        }
        if (colour[w] === WHITE) {
          colour[w] = ON_STACK;
          nextEdge[w] = offsets[w]!;
          stack[++depth] = w;
        }
      } else {
        colour[v] = DONE;
        depth--;
      }
    }
  }
  return null;
}

/**
 * One cycle in the dependency graph as the ids along it, the first repeated at the end
 * (['a', 'b', 'c', 'a']; a self-dependency gives ['a', 'a']), or null when there is none.
 * Throws ScheduleInputError for duplicate ids or dependencies naming unknown ids.
 */
export function findCycle(
  ids: readonly string[],
  dependencies: ReadonlyArray<{ predecessorId: string; successorId: string }>,
): string[] | null {
  return cycleFromGraph(ids, buildGraph(ids, dependencies, false));
}
