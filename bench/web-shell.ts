// Web shell benchmark: what the first load costs and how soon something is on screen.
// Run after `npm run build:web` (this script builds nothing):
//   npx tsx bench/web-shell.ts
// It starts a test node on a loopback port and drives Debian's Chromium (/usr/bin/chromium) headless:
// - bytes of JS and CSS the sign-in screen loads (raw, and gzip -9 as a compressing server would send them),
//   then what signing in adds for the home page, and the lazily loaded map;
// - first contentful paint of a cold load (fresh profile, empty cache) and of a warm one, median of N runs,
//   beside a baseline measured in the same run: a one-heading HTML page with no script, same origin.
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchBrowser, openPage, signIn, startWebNode } from '../test/e2e/support/web.js';
import { ADMIN_PASSWORD } from '../test/support/node.js';
import { fmt, machine, percentile } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 10);

interface Asset {
  path: string;
  raw: number;
  gzip: number;
}

/** Records every script and stylesheet the page receives from now on. */
function recordAssets(page: Page): Asset[] {
  const assets: Asset[] = [];
  page.on('response', (response: Response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet' && !response.url().endsWith('.json')) return;
    void response.body().then(
      (body) =>
        assets.push({
          path: new URL(response.url()).pathname,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }),
      () => undefined,
    );
  });
  return assets;
}

const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((total, a) => total + a[key], 0);
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

// Evaluated in the page as a string: this file is type-checked as Node code, without DOM types.
const FCP = `new Promise((resolve) => {
  const seen = performance.getEntriesByName('first-contentful-paint')[0];
  if (seen) return resolve(seen.startTime);
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) resolve(entry.startTime);
  }).observe({ type: 'paint', buffered: true });
})`;

const firstContentfulPaint = (page: Page) => page.evaluate<number>(FCP);

const web = await startWebNode({ LIAISON_AGENCY_COUNTRY: 'CN' });
const browser = await launchBrowser();
const rows: string[][] = [];

// 1. Bytes: the sign-in screen, then signing in to the home page, then the map.
{
  const { context, page } = await openPage(browser, web.url);
  const assets = recordAssets(page);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
  await settle();
  const initial = [...assets];
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await page.locator('[data-testid=world-map][data-state=ready]').waitFor();
  await settle();
  const later = assets.slice(initial.length);
  const map = later.filter((a) => /NodeMap|countries-/.test(a.path));
  const home = later.filter((a) => !map.includes(a));
  rows.push([
    'first load, sign-in screen: JS + CSS',
    `${kb(sum(initial, 'gzip'))} gzip (${kb(sum(initial, 'raw'))} raw), ${initial.length} files`,
    'target < 250 KB gzip',
  ]);
  rows.push([
    'signing in adds (home page, without the map)',
    `${kb(sum(home, 'gzip'))} gzip (${kb(sum(home, 'raw'))} raw), ${home.length} files`,
    '-',
  ]);
  rows.push([
    'map, loaded after the home page shows (ECharts + 1:110m countries)',
    `${kb(sum(map, 'gzip'))} gzip (${kb(sum(map, 'raw'))} raw)`,
    '-',
  ]);
  console.log('\nFiles of the first load:');
  for (const a of initial) console.log(`  ${a.path}  ${kb(a.gzip)} gzip, ${kb(a.raw)} raw`);
  await context.close();
}

// 2. First contentful paint, cold and warm, against a same-origin static page.
const cold: number[] = [];
const warm: number[] = [];
const baseline: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await openPage(browser, web.url);
  await page.route('**/__baseline', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><title>b</title><h1>Sign in to Liaison</h1></html>',
    }),
  );
  await page.goto('/__baseline');
  baseline.push(await firstContentfulPaint(page));
  await page.goto('/');
  cold.push(await firstContentfulPaint(page));
  await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
  await page.reload();
  warm.push(await firstContentfulPaint(page));
  await context.close();
}
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const worst = (xs: number[]) => Math.max(...xs);
const baseMedian = median(baseline);
rows.push([
  `first contentful paint, cold (empty cache), median / worst of ${RUNS}`,
  `${fmt(median(cold), 0)} / ${fmt(worst(cold), 0)} ms`,
  `${fmt(baseMedian, 0)} ms static one-heading page; target < 1000 ms`,
]);
rows.push([
  `first contentful paint, warm (cached assets), median / worst of ${RUNS}`,
  `${fmt(median(warm), 0)} / ${fmt(worst(warm), 0)} ms`,
  `${fmt(baseMedian, 0)} ms static page`,
]);

await browser.close();
await web.close();

console.log(
  `\nWeb shell benchmark; ${machine()}; ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB; headless Chromium ${browser.version()} on loopback\n`,
);
console.log('| what | measured | baseline / target |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
