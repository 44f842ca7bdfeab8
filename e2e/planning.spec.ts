import { expect, test, useFreshServer } from './fixtures';
import { AppShell } from './pages/appShell';
import { AuditTrail } from './pages/auditTrail';
import { PathwayPage } from './pages/pathwayPage';
import { PlanningPage } from './pages/planningPage';
import { openExampleProduct } from './pages/portfolioPage';

useFreshServer();

test('a planning session: baseline, scenario delaying GLP toxicology 6 weeks, comparison, apply, change set in the audit', async ({ page, pageErrors }) => {
  const product = await openExampleProduct(page, 'MSC conditioned medium for diabetic wounds');
  await new PathwayPage(page).saveBaseline('Board plan');

  await product.openTab('Planning');
  const planning = new PlanningPage(page);
  const scenario = await planning.startScenario('GLP tox +6 weeks');
  await planning.milestoneIn(scenario, 'GLP toxicology in-life phase and analysis').addToDuration(42);

  await expect(planning.keyDates.getByRole('row', { name: /IND submission/ })).toContainText('+42 d');
  await expect(planning.keyDates.getByRole('row', { name: /IND in effect/ })).toContainText('+42 d');
  await expect(planning.moved.getByRole('row', { name: /IND assembled/ })).toContainText('pushed by: GLP toxicology in-life phase and analysis');

  await planning.applyToLivePlan('Agreed in the planning meeting');

  await new AppShell(page).goTo('Audit trail');
  const trail = new AuditTrail(page);
  await expect(trail.rowsWith('Applied the planning session “GLP tox +6 weeks”: Agreed in the planning meeting')).toHaveCount(1);
  const members = await trail.openChangeSet('Applied the planning session “GLP tox +6 weeks”');
  await expect(members.getByRole('row', { name: /duration/ })).toHaveCount(1);
  await expect(members.getByRole('row', { name: /status/ })).toContainText('status open → applied');
  expect(pageErrors).toEqual([]);
});
