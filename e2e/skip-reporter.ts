import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The list reporter shows a skip but not why; a skipped check must always say why. */
export default class SkipReasonReporter implements Reporter {
  private skipped: string[] = [];
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'not run: an earlier test of its serial group failed';
    this.skipped.push(`  - ${test.title}: ${reason}`);
  }
  onEnd() {
    if (this.skipped.length > 0) console.log(`\nSkipped, with reasons:\n${this.skipped.join('\n')}\n`);
  }
}
