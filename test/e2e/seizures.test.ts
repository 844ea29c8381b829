import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_DATA, idsSlice, removeDir, tempDir } from '../seizures/support.js';
import { USER_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import { DESKTOP, launchBrowser, screenshot, signIn, startWebNode, type WebNode } from './support/web.js';

// A real file: the first 300 rows of the UNODC IDS CSV, cut from the zip beside the repository at test time.
const ROWS = 300;

let web: WebNode;
let browser: Browser;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir('liaison-e2e-seizures-');
  file = path.join(dir, 'ids-first-rows.csv');
  if (HAVE_DATA) await idsSlice(file, ROWS + 1);
  web = await startWebNode();
  await web.node.userWithRole('analyst', 'analyst');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (dir) removeDir(dir);
});

async function signedIn(): Promise<Page> {
  const context = await browser.newContext({
    baseURL: web.url,
    viewport: DESKTOP,
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'analyst', USER_PASSWORD);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  return page;
}

describe.skipIf(!HAVE_DATA)('seizures', () => {
  it('imports a real IDS file through the wizard, lists its records and draws the dashboard', async () => {
    const page = await signedIn();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Seizures' }).click();
    await page.getByRole('heading', { name: 'Seizure records', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { name: 'Import a seizure file', level: 1 }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    // The IDS layout is recognised by its header: no mapping to make.
    await page.getByText('Recognised layout: UNODC Individual Drug Seizures').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-wizard-mapping-en-1280');
    await page.getByRole('button', { name: 'Continue to the preview' }).click();
    await page.getByTestId('preview-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('preview-table').locator('tbody tr').count()).toBe(20);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-wizard-preview-en-1280');

    await page.getByRole('button', { name: 'Run the import' }).click();
    await page.getByTestId('import-status').getByText('Done').waitFor({ timeout: 30_000 });
    const sum = page.getByTestId('counts-sum');
    await sum.waitFor();
    expect(await sum.textContent()).toMatch(new RegExp(`= ${ROWS} rows read\\.$`));
    expect(await sum.getAttribute('class')).toBe('sum-ok');
    const count = async (key: string) =>
      Number(
        (await page.locator(`[data-count="${key}"] dd`).textContent())?.replace(/[^\d]/g, '') ?? Number.NaN,
      );
    const read = await count('rowsRead');
    const outcomes = await Promise.all(['accepted', 'duplicates', 'rejected', 'alreadyImported'].map(count));
    expect(read).toBe(ROWS);
    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(ROWS);
    // The first rows of the IDS file repeat seizures (Mauritius, 2011): some must be flagged.
    expect(outcomes[1]).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-wizard-report-en-1280');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the report/ }).click(),
    ]);
    const report = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(report).toHaveLength(ROWS + 1);

    // The list, filtered to this import, and a record's page.
    await page.getByRole('link', { name: 'Show the records of this import' }).click();
    await page.getByRole('heading', { name: 'Seizure records', level: 1 }).waitFor();
    const rows = page.getByTestId('seizure-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Page 2: 50 seizures').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-list-en-1280');
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Route' }).waitFor();
    await page.getByText('ids-first-rows.csv').waitFor();
    await page.getByText('Conversion table').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-record-en-1280');

    await page.goto('/seizures/dashboard');
    await page.getByRole('heading', { name: 'Seizure statistics', level: 1 }).waitFor();
    for (const chart of ['series-chart', 'seizure-map', 'drugs-chart']) {
      await page.getByTestId(chart).locator('svg').first().waitFor();
    }
    await page.getByTestId('seizure-map').locator('svg path').nth(50).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-dashboard-en-1280');

    // The same dashboard in Chinese.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '缴获统计', level: 1 }).waitFor();
    await page.getByTestId('series-chart').locator('svg').first().waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'seizures-dashboard-zh-CN-1280');
    await page.goto('/seizures/import');
    await page.getByRole('heading', { name: '导入缴获数据文件', level: 1 }).waitFor();
    await screenshot(page, 'seizures-wizard-upload-zh-CN-1280');
    await page.context().close();
  });
});
