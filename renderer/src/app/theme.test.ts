import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastOnWhite, cssVariablesResolver, readableOnWhite, theme } from './theme';

const merged = { ...DEFAULT_THEME, ...theme, colors: DEFAULT_THEME.colors } as typeof DEFAULT_THEME;

describe('theme contrast', () => {
  it('computes the WCAG ratio (Mantine gray.6 on white is the 3.32:1 the scan reported)', () => {
    expect(contrastOnWhite('#868e96')).toBeCloseTo(3.32, 2);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
  });

  it('gives every palette colour a text/filled shade at 4.5:1 or more on white', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      if (name === 'dark') continue;
      const chosen = readableOnWhite(shades);
      expect(contrastOnWhite(chosen), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the shade 8 look where it already reads (indigo, blue) and darkens only where needed (yellow)', () => {
    expect(readableOnWhite(DEFAULT_THEME.colors.indigo)).toBe(DEFAULT_THEME.colors.indigo[8]);
    expect(readableOnWhite(DEFAULT_THEME.colors.blue)).toBe(DEFAULT_THEME.colors.blue[8]);
    expect(contrastOnWhite(DEFAULT_THEME.colors.yellow[9])).toBeLessThan(4.5);
    expect(readableOnWhite(DEFAULT_THEME.colors.yellow)).not.toBe(DEFAULT_THEME.colors.yellow[9]);
  });

  it('sets the dimmed text and link colours per scheme in the theme', () => {
    const vars = cssVariablesResolver(merged);
    expect(contrastOnWhite(vars.light['--mantine-color-dimmed']!)).toBeGreaterThanOrEqual(4.5);
    expect(vars.light['--mantine-color-anchor']).toBe('var(--mantine-color-indigo-8)');
    expect(vars.dark['--mantine-color-dimmed']).toBe('var(--mantine-color-dark-1)');
    expect(vars.light['--mantine-color-cyan-outline']).toBe(readableOnWhite(DEFAULT_THEME.colors.cyan));
  });
});
