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
});
