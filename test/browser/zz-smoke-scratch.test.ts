import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { createTestPlatform } from '../helpers/platform.ts';
it('smoke', async () => {
  const t = await createTestPlatform('sqlite');
  const base = await t.listen();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(`${base}/app/signup`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/smoke-signup.png', fullPage: true });
  await page.goto(`${base}/app/`);
  await page.waitForTimeout(1000);
  console.log('URL', page.url());
  await browser.close();
  await t.close();
});
