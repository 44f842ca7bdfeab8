import { z } from 'zod';
import portfolio from '../../templates/examples/portfolio.json';
import { ProductProfile } from '../contract';
import type { HandlerMap } from './handlers';
import { createProduct } from './products';

// Validated at load, like every template: a bad edit to the file fails loudly, not halfway through.
const EXAMPLES = z.object({ products: z.array(ProductProfile) }).parse({ products: portfolio.products }).products;

export const exampleHandlers: HandlerMap<'examples.load'> = {
  'examples.load': (_input, ctx) =>
    ctx.write((audit) => {
      const created: string[] = [];
      const skipped: string[] = [];
      for (const profile of EXAMPLES) {
        if (ctx.repos.products.findByCode(profile.code)) {
          skipped.push(profile.code);
          continue;
        }
        created.push(createProduct(ctx, profile, audit).code);
      }
      return { created, skipped };
    }),
};
