import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import {
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  signIn,
  startWebNode,
  type WebNode,
} from './support/web.js';

// Screens in every language at desktop and phone width, saved to test-artifacts/screenshots for a person to
// look at, and checked by axe-core in each language (contrast and names can differ with the text).

let web: WebNode;
let browser: Browser;

beforeAll(async () => {
  web = await startWebNode({ LIAISON_AGENCY_COUNTRY: 'CN' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const LANGUAGES = [
  {
    code: 'en',
    button: 'English',
    home: 'Overview',
    signIn: 'Sign in to Liaison',
    intel: 'Intelligence',
    menu: 'Menu',
  },
  { code: 'zh-CN', button: '中文', home: '概览', signIn: '登录 Liaison', intel: '情报', menu: '菜单' },
  {
    code: 'ru',
    button: 'Русский',
    home: 'Обзор',
    signIn: 'Вход в Liaison',
    intel: 'Оперативная информация',
    menu: 'Меню',
  },
] as const;

describe.each(LANGUAGES)('screens in $code', (language) => {
  it.each([
    ['1280', DESKTOP],
    ['390', PHONE],
  ] as const)('at %s px', async (width, viewport) => {
    const { context, page } = await openPage(browser, web.url, { viewport, locale: language.code });
    const problems: string[] = [];
    await page.goto('/');
    await page.getByRole('heading', { name: language.signIn }).waitFor();
    await screenshot(page, `sign-in-${language.code}-${width}`);
    problems.push(...(await accessibilityProblems(page)));

    await signIn(page, 'admin', ADMIN_PASSWORD);
    // The signed-in header, not just any heading: the sign-in screen has one too while signing in.
    await page.locator('header.app-header').waitFor();
    // The account's language may differ from the browser's: choose this one explicitly.
    await page.getByRole('button', { name: language.button }).click();
    await page.getByRole('heading', { name: language.home, level: 1 }).waitFor();
    await page.locator('[data-testid=world-map][data-state=ready]').waitFor();
    await screenshot(page, `home-${language.code}-${width}`);
    problems.push(...(await accessibilityProblems(page)));

    await page.goto('/intel');
    await page.getByRole('heading', { name: language.intel, level: 1 }).waitFor();
    await screenshot(page, `area-${language.code}-${width}`);
    problems.push(...(await accessibilityProblems(page)));

    if (viewport === PHONE) {
      await page.getByRole('button', { name: language.menu }).click();
      await screenshot(page, `menu-${language.code}-${width}`);
      problems.push(...(await accessibilityProblems(page)));
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
