import { expect, openApp, rpc, test, useFreshServer } from './fixtures';

/*
 * Issue 12 item 9: a bidi override in a product name showed "‮gnp.exe" as "exe.png", and long
 * unbroken strings widened Profile, History, Audit and Clocks by up to 40,000 px. User text is
 * now isolated and wraps.
 */

useFreshServer();

const LONG = 'A'.repeat(4000);
const BIDI_NAME = 'Report \u202Egnp.exe';

test('hostile text neither widens a page nor reorders its neighbours', async ({ page, pageErrors }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const product = await rpc<{ id: string }>('products.create', {
    name: BIDI_NAME,
    code: 'HOSTILE-1',
    sponsor: 'S'.repeat(120),
    sourceCell: 'C'.repeat(120),
    sourceTissue: 'Umbilical cord',
    donorType: 'allogeneic',
    fraction: 'ev',
    oxygen: 'normoxia',
    passageWindow: 'P3-P5',
    serumFree: true,
    indication: 'I'.repeat(200),
    route: 'Intratracheal',
    doseBasis: 'particles per kg',
    indNumber: '',
    stage: 'in-vitro',
    notes: LONG,
    pathway: { templateId: 'fda-ind-secretome', startDate: '2026-01-05' },
  });
  await rpc('products.update', { id: product.id, changes: { notes: `B${LONG.slice(1)}` }, reason: 'R'.repeat(1000) });
  await rpc('clocks.record', { productId: product.id, event: 'ind-received', date: '2026-03-02', label: 'L'.repeat(120), reason: 'Q'.repeat(1000) });

  const pages = [`/products/${product.id}?tab=profile`, `/products/${product.id}?tab=history`, `/products/${product.id}?tab=clocks`, '/audit', '/clocks', '/settings'];
  for (const route of pages) {
    await openApp(page, route);
    await page.waitForLoadState('networkidle');
    // As source text: this program is type-checked without the DOM library.
    const { scroll, client } = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as { scroll: number; client: number };
    expect(scroll, `${route} is ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(client + 1);
    await page.screenshot({ path: `test-results/hostile-text${route.replace(/[/?=]/g, '-')}.png`, fullPage: false });
  }

  // The name with its override, wherever it shows as text, is its own bidi island.
  await openApp(page, `/products/${product.id}?tab=profile`);
  const shown = page.getByText('gnp.exe', { exact: false }).first();
  await expect(shown).toBeVisible();
  await expect(shown).toHaveCSS('unicode-bidi', 'isolate');
  expect(pageErrors).toEqual([]);
});
