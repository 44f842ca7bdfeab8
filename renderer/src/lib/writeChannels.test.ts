import { describe, expectTypeOf, it } from 'vitest';
import type { ChecklistWrite } from '../features/checklists/hooks/useChecklists';
import type { PathwayWrite } from '../features/pathway/hooks/usePathway';

// Type-level: `npm run typecheck` fails when the channels a write hook accepts change.
describe('write hooks accept the channels derived from the contract', () => {
  it('pathway writes: every channel answering with the pathway view but pathway.get', () => {
    expectTypeOf<PathwayWrite>().toEqualTypeOf<
      | 'pathway.instantiate'
      | 'pathway.addBranch'
      | 'pathway.markEarlierWorkDone'
      | 'pathway.updateSettings'
      | 'milestones.create'
      | 'milestones.update'
      | 'milestones.move'
      | 'milestones.remove'
      | 'dependencies.add'
      | 'dependencies.update'
      | 'dependencies.remove'
      | 'clocks.record'
      | 'clocks.override'
      | 'clocks.remove'
    >();
  });

  it('checklist writes: every channel answering with the checklists view but checklists.get', () => {
    expectTypeOf<ChecklistWrite>().toEqualTypeOf<
      'checklists.generate' | 'checklistItems.update' | 'checklistItems.bulkUpdate' | 'checklistItems.revert' | 'checklistItems.create' | 'checklistItems.remove'
    >();
  });
});
