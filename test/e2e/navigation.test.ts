import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import {
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startWebNode,
  type WebNode,
} from './support/web.js';

// The policy proposed for the node to send with index.html: nothing inline, nothing from another origin.
// The test adds it to the page and walks the app, so the node can adopt it knowing the app runs under it.
const PROPOSED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let web: WebNode;
let browser: Browser;

beforeAll(async () => {
  web = await startWebNode({ LIAISON_AGENCY_COUNTRY: 'SG' });
  await web.node.userWithRole('analyst', 'analyst');
  await web.node.userWithRole('viewer', 'viewer');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const AREAS = [
  { path: '/registry', title: 'Registry', built: true },
  { path: '/seizures', title: 'Seizures', heading: 'Seizure records', built: true },
  { path: '/intel', title: 'Intelligence' },
  { path: '/cases', title: 'Cases and operations' },
  { path: '/precursors', title: 'Precursors' },
  { path: '/entities', title: 'Persons and organisations' },
  { path: '/reports', title: 'Reports' },
  { path: '/federation', title: 'Partners and sharing' },
];

async function signedIn(username: string, password: string, viewport?: { width: number; height: number }) {
  const opened = await openPage(browser, web.url, viewport ? { viewport } : {});
  await opened.page.goto('/');
  await signIn(opened.page, username, password);
  await opened.page.getByRole('heading', { name: 'Overview' }).waitFor();
  return opened;
}

// Read through selectors: the test files are type-checked without the DOM library, as Node code.
const focusedText = async (page: Page) => (await page.locator(':focus').textContent()) ?? '';

describe('navigation', () => {
  it('reaches every area from the navigation; areas not built yet show an honest empty state', async () => {
    const { context, page } = await signedIn('analyst', USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const area of AREAS) {
      await nav.getByRole('link', { name: new RegExp(`^${area.title}`) }).click();
      await page
        .getByRole('heading', { name: 'heading' in area ? area.heading : area.title, level: 1 })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe(area.path);
      expect(
        await nav.getByRole('link', { name: new RegExp(`^${area.title}`) }).getAttribute('aria-current'),
      ).toBe('page');
      if ('built' in area) continue; // its own tests (e.g. registry.test.ts) cover what it shows
      const state = page.locator('.empty-state');
      const closed = area.path === '/federation'; // an analyst does not see partners and sharing
      await (closed ? state.getByText('Not in your role') : state.getByText('Nothing here yet')).waitFor();
      expect(await page.locator('.holds li').count()).toBeGreaterThan(2);
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'area-restricted-en-1280');
    await context.close();
  });

  it("marks the areas outside the user's role and says why on their page", async () => {
    const { context, page } = await signedIn('viewer', USER_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Areas' });
    for (const title of [
      'Intelligence',
      'Cases and operations',
      'Precursors',
      'Persons and organisations',
      'Partners and sharing',
    ]) {
      await nav.getByRole('link', { name: `${title} (not in your role)` }).waitFor();
    }
    await nav.getByRole('link', { name: 'Registry', exact: true }).waitFor();
    await nav.getByRole('link', { name: 'Intelligence (not in your role)' }).click();
    await page.getByText('Your role (Viewer (read only)) does not include this area.').waitFor();
    await context.close();
  });

  it('works from the keyboard: skip link, navigation links, focus on the new page', async () => {
    const { context, page } = await signedIn('admin', ADMIN_PASSWORD);
    await page.reload();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('main');

    // Tab forward from the top until the Seizures link has the focus, then follow it with Enter.
    await page.locator('.skip-link').focus();
    for (let i = 0; i < 20 && (await focusedText(page)) !== 'Seizures'; i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Seizures');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid'); // the focus is visible
    await screenshot(page, 'keyboard-focus-en-1280');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Seizure records', level: 1 }).waitFor();
    expect(await page.locator('h1:focus').count()).toBe(1);
    await context.close();
  });

  it('at 390 px the navigation is a menu that opens, navigates and closes', async () => {
    const { context, page } = await signedIn('admin', ADMIN_PASSWORD, PHONE);
    const nav = page.getByRole('navigation', { name: 'Areas' });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'menu-open-en-390');
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.locator(':focus').textContent()).toBe('Menu');
    await menu.click();
    await nav.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    // Nothing is wider than the phone: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it('loads the map only on the home page, with the detailed map for a small country', async () => {
    const { context, page } = await openPage(browser, web.url);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || request.resourceType() === 'fetch')
        scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    expect(scripts.some((s) => /NodeMap|countries-/.test(s))).toBe(false);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('[data-testid=world-map][data-state=ready]').waitFor();
    expect(scripts.some((s) => s.includes('NodeMap'))).toBe(true);
    // Singapore is too small for the 1:110m map: the 1:50m file is fetched to show it.
    expect(scripts.some((s) => s.includes('countries-50m'))).toBe(true);
    await page.getByText('Singapore is highlighted').waitFor();
    await context.close();
  });

  it('answers an unknown address with a page that leads home', async () => {
    const { context, page } = await signedIn('admin', ADMIN_PASSWORD);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await context.close();
  });
});

describe('content security policy', () => {
  it('runs under a strict policy: no inline script or style, nothing from elsewhere', async () => {
    const { context, page } = await openPage(browser, web.url);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': PROPOSED_CSP },
      });
    });
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('[data-testid=world-map][data-state=ready]').waitFor();
    await page.locator('[data-testid=world-map]').hover(); // the tooltip writes styled HTML
    await page.getByRole('link', { name: 'Registry' }).click();
    await page.getByRole('heading', { name: 'Registry', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Реестр сотрудничества', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Registry', level: 1 }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
