// A real headless Chromium for browser tests (Debian's /usr/bin/chromium driven by
// playwright-core: no browser download). Shared by every browser test in test/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST_DIR } from '../../src/server/routes/app/index.ts';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  readonly code = 'CHROMIUM_MISSING';
}

/** Launches headless Chromium; fails with an actionable message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ChromiumMissingError(
      `Browser tests need Chromium at ${CHROMIUM_PATH}, which does not exist. Install it with \`apt-get install -y chromium\` (Debian) and run the tests again.`,
    );
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (err) {
    throw new ChromiumMissingError(`Chromium at ${CHROMIUM_PATH} did not start: ${(err as Error).message}`);
  }
}

export interface PageSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
}

/**
 * Runs `fn` with a fresh browser context (no cookies, no storage) and one page, then closes
 * everything. Pass `browser` to reuse one launched browser across tests.
 */
export async function withPage<T>(
  baseUrl: string,
  fn: (session: PageSession) => Promise<T>,
  options: { browser?: Browser; context?: BrowserContextOptions } = {},
): Promise<T> {
  const browser = options.browser ?? (await launchBrowser());
  const context = await browser.newContext({ baseURL: baseUrl, ...options.context });
  try {
    const page = await context.newPage();
    return await fn({ browser, context, page, baseUrl });
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}

/** Where `npm test` leaves the screenshots for a reviewer (issue 13: "not committed": reports/ is gitignored). */
export const SCREENS_DIR = join(WEB_DIST_DIR, '..', '..', 'reports', 'screens');
/** The two widths every main screen is checked and pictured at (issue 13 §10). */
export const SCREEN_WIDTHS = { desktop: 1280, mobile: 390 } as const;
const DESKTOP_HEIGHT = 800;
const MOBILE_HEIGHT = 844;

/** Two animation frames: the layout after a resize (media queries, Mantine's breakpoints) is drawn. */
async function settle(page: Page): Promise<void> {
  // A string: the test's TypeScript has no DOM types; this runs in the page.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/**
 * Saves pictures of the page for a person to look at: `reports/screens/<name>-1280.png` and
 * `<name>-390.png`. The viewport is resized for each and restored afterwards, so the test goes on
 * as it was. The desktop picture is of the whole page (`fullPage`, default true); the phone one is
 * of the first screenful only (cheap, and what a person sees first). CSS transitions (the navbar
 * sliding in after the resize) are run to their end first (`animations: 'disabled'`).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const before = page.viewportSize();
  try {
    await page.setViewportSize({ width: SCREEN_WIDTHS.desktop, height: before?.height ?? DESKTOP_HEIGHT });
    await settle(page);
    await page.screenshot({
      path: join(SCREENS_DIR, `${name}-${SCREEN_WIDTHS.desktop}.png`),
      fullPage: options.fullPage ?? true,
      animations: 'disabled',
    });
    await page.setViewportSize({ width: SCREEN_WIDTHS.mobile, height: MOBILE_HEIGHT });
    await settle(page);
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${SCREEN_WIDTHS.mobile}.png`), animations: 'disabled' });
  } finally {
    await page.setViewportSize(before ?? { width: SCREEN_WIDTHS.desktop, height: DESKTOP_HEIGHT });
    await settle(page);
  }
}

/** Builds the web app once when web/dist is missing (`npm test` builds it before the tests run). */
export function ensureWebAppBuilt(): void {
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
    cwd: join(WEB_DIST_DIR, '..', '..'),
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Logs in on the app's login page and waits until the app has moved on from it. */
export async function logIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/app/login`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  // Customers land on the dashboard, operators on their console.
  await page.waitForURL((url) => url.pathname.startsWith('/app') && !url.pathname.endsWith('/login'));
}
