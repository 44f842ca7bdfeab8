import { Badge, createTheme, darken, DEFAULT_THEME, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine's look with WCAG 2.2 AA contrast (4.5:1 for text), fixed here once rather than page
 * by page: the primary and coloured text use shade 8 in the light scheme (shade 6 is 3.3-4.3:1
 * on white), colours whose shade 8 is still too light on white (cyan, yellow, lime, teal...)
 * go darker, the dimmed grey is darker in light and lighter in dark, and the "light" variant's
 * text (a badge's label on its pale fill) is darkened where shade 9 on shade 1 falls short.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A badge carries a value (a status, a stage, a slip in days): sized to its content, never
    // cut with an ellipsis; a table column grows to fit it instead.
    Badge: Badge.extend({
      styles: {
        root: { flex: 'none', minWidth: 'max-content', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio against white, as WCAG defines it. */
export const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const toHex = (rgba: string) => {
  const [r, g, b] = (rgba.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  return `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
};

/** The lightest of shade 8, shade 9 or a darkened 9 that reads at 4.6:1 on white (a margin over 4.5). */
export function readableOnWhite(shades: readonly string[]): string {
  for (const candidate of [shades[8]!, shades[9]!]) if (contrastOnWhite(candidate) >= 4.6) return candidate;
  for (let amount = 0.1; amount < 0.6; amount += 0.1) {
    const dark = toHex(darken(shades[9]!, amount));
    if (contrastOnWhite(dark) >= 4.6) return dark;
  }
  return '#000000';
}

const colourNames = Object.keys(DEFAULT_THEME.colors).filter((c) => c !== 'dark');

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a', // 5.4:1 on the palest fills (gray.1, indigo.0), 6:1 on white
    '--mantine-color-anchor': `var(--mantine-color-${t.primaryColor}-8)`,
    ...Object.fromEntries(
      colourNames.flatMap((c) => {
        const shades = t.colors[c]!;
        const strong = readableOnWhite(shades);
        return [
          [`--mantine-color-${c}-filled`, strong],
          [`--mantine-color-${c}-outline`, strong],
          [`--mantine-color-${c}-text`, strong],
          [`--mantine-color-${c}-light-color`, toHex(darken(shades[9]!, 0.25))],
        ];
      }),
    ),
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', // #b8b8b8: 5:1+ on dark.5 panels
  },
});
