// The one visual identity of Assent (issue 13 §10), shared with the public site
// (src/server/public/assets/site.css): the brand green, the system font stack, 8 px corners.
// Change a colour here and in site.css's :root together.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** site.css --brand is shade 6 (Mantine's primary shade in light mode), --brand-dark shade 7. */
const brand: MantineColorsTuple = [
  '#e6f4ef',
  '#cde8df',
  '#9dd1bf',
  '#6bb89e',
  '#45a182',
  '#2e8a6e',
  '#1f6f5c',
  '#17574a',
  '#10443a',
  '#08302a',
];

/** The logo of web/public (Vite copies it into the build, served under the app's base /app/). */
export const LOGO_URL = `${import.meta.env.BASE_URL}logo.svg`;

/** The same stack as the public site: no web font is downloaded (nothing loads from another host). */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 6,
  colors: { brand },
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY, fontWeight: '700' },
  defaultRadius: 'md',
  black: '#1c2430',
});
