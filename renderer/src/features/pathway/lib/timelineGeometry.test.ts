import { describe, expect, it } from 'vitest';
import { arrowGeometry } from './timelineArrows';
import { centreTarget, scrollLeftFor, todayTarget } from './timelineScroll';
import { diamond, summaryPath } from './timelineShapes';

describe('arrow routes', () => {
  it('turns 8 px after the predecessor when there is room before the successor', () => {
    expect(arrowGeometry({ x: 100, y: 40 }, { x: 200, y: 96 })).toEqual({ path: 'M100,40H108V96H194', head: 'M200,96L194,92.5L194,99.5Z' });
  });

  it('runs along the row boundary below the successor when it is above and starts too early', () => {
    // Successor's bar middle at y 40 (row top 28): the boundary under it is at 28 + 28 = 56.
    expect(arrowGeometry({ x: 200, y: 96 }, { x: 150, y: 40 }).path).toBe('M200,96H208V56H136V40H144');
  });

  it('rounds to a tenth of a pixel', () => {
    expect(arrowGeometry({ x: 10.04, y: 12.36 }, { x: 60.123, y: 40 })).toEqual({ path: 'M10,12.4H18V40H54.1', head: 'M60.1,40L54.1,36.5L54.1,43.5Z' });
  });
});

describe('mark shapes', () => {
  it('draws a diamond around its centre', () => {
    expect(diamond(50, 20, 6)).toBe('M50,14L56,20L50,26L44,20Z');
  });

  it('draws a stage as a summary bar with end caps hanging below it', () => {
    expect(summaryPath(10, 28, 100)).toBe('M10,36H110V47L105,42H15L10,47Z');
    // A bar narrower than two caps gets caps of half its width.
    expect(summaryPath(0, 0, 4)).toBe('M0,8H4V19L2,14H2L0,19Z');
  });
});

describe('scrolling', () => {
  const layout = { startDay: 1000, pixelsPerDay: 4 };

  it('brings today to 30% of the visible chart on opening', () => {
    const target = todayTarget('1972-09-27'); // day number 1000
    expect(target).toEqual({ day: 1000, fraction: 0.3 });
    expect(scrollLeftFor({ day: 1200, fraction: 0.3 }, layout, 1000)).toBe(800 - 300);
    expect(todayTarget('not a date')).toBeNull();
  });

  it('stays at the start rather than cut the first axis label', () => {
    // 60 days in is 240 px, minus 30% of 1000 px: less than a quarter of the view, so 0.
    expect(scrollLeftFor({ day: 1060, fraction: 0.3 }, layout, 1000)).toBe(0);
    // The threshold is a quarter of the view: 240 px in stays at 0, 260 px scrolls.
    expect(scrollLeftFor({ day: 1135, fraction: 0.3 }, layout, 1000)).toBe(0);
    expect(scrollLeftFor({ day: 1140, fraction: 0.3 }, layout, 1000)).toBe(260);
    expect(scrollLeftFor({ day: 1200, fraction: 0.5 }, layout, 1000)).toBe(300);
  });

  it('keeps the date at the centre of the view in the centre across a zoom change', () => {
    const centre = centreTarget(layout, 600, 1000); // 600 + 500 px from the start = 275 days
    expect(centre).toEqual({ day: 1275, fraction: 0.5 });
    const zoomedOut = { startDay: 500, pixelsPerDay: 1.5 };
    const left = scrollLeftFor(centre, zoomedOut, 1000);
    expect(left).toBe((1275 - 500) * 1.5 - 500);
  });
});
