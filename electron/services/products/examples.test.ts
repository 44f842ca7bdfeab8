import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import portfolio from '../../../templates/examples/portfolio.json';
import { call, tempBackend } from '../../test-support/backend';

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend(() => '2026-12-03T10:00:00.000Z');
});
afterEach(() => backend.cleanup());

describe('the example portfolio tells one story', () => {
  it('puts each example at the stage it declares, derived from its own milestone dates', async () => {
    await call(backend, 'examples.load', {});
    const products = await call(backend, 'products.list', {});
    for (const example of portfolio.products) {
      expect(products.find((p) => p.code === example.code)?.stage, example.code).toBe(example.stage);
    }
  });

  it('lists every deadline once per product: each annual report one row, whatever the events recorded', async () => {
    await call(backend, 'examples.load', {});
    for (const product of await call(backend, 'products.list', {})) {
      const view = await call(backend, 'pathway.get', { productId: product.id });
      const keys = view.deadlines.map((d) => d.key);
      expect(new Set(keys).size, product.code).toBe(keys.length);
      const annual = view.deadlines.filter((d) => d.rule === 'ind.annual-report').map((d) => d.label.replace(/ \(.*/, ''));
      expect(annual, product.code).toEqual(['IND annual report 1', 'IND annual report 2', 'IND annual report 3']);
    }
  });

  it('keeps the examples honest: nothing marked Submitted or Approved, optional items untouched, IND numbers fictitious, illustrative details said', async () => {
    await call(backend, 'examples.load', {});
    for (const product of await call(backend, 'products.list', {})) {
      expect(product.indNumber === '' || product.indNumber.startsWith('0000'), product.code).toBe(true);
      expect(product.notes, product.code).toMatch(/Illustrative/);
      const view = await call(backend, 'checklists.get', { productId: product.id });
      const items = view.checklists.flatMap((c) => c.items);
      expect(items.filter((i) => i.status === 'submitted' || i.status === 'approved'), product.code).toEqual([]);
      expect(items.filter((i) => !i.required && i.status !== 'not-started'), product.code).toEqual([]);
    }
    const cfaf = (await call(backend, 'products.list', {})).find((p) => p.code === 'CFAF-EV-C19')!;
    expect(cfaf).toMatchObject({ sourceKind: 'biofluid', indNumber: '000001' });
    expect(cfaf.indication).toMatch(/^Mild-to-moderate/);
  });
});
