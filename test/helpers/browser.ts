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

/**
 * Saves a picture of the page for a person to look at, only when ASSENT_SCREENSHOTS names a
 * folder (`ASSENT_SCREENSHOTS=reports/screenshots npx vitest run test/browser`); otherwise it
 * writes nothing. Tests write nothing outside their own temporary folders.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.ASSENT_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: options.fullPage ?? true });
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
