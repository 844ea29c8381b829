import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../support/node.js';
import { launchBrowser, openPage, signIn, startWebNode, type WebNode } from './support/web.js';

let web: WebNode;
let browser: Browser;

beforeAll(async () => {
  web = await startWebNode({ LIAISON_AGENCY_COUNTRY: 'RU' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** The language saved on the account, read with the page's own session cookie. */
async function accountLocale(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { locale: string } };
  return me.user.locale;
}

describe('three languages', () => {
  it('switches to 中文 and Русский and back, and remembers the choice for the user after a reload', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '概览' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    await page.getByRole('link', { name: '毒品缴获' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.getByText('系统管理员').waitFor();
    // The country and the key date are written for the locale too.
    await page.getByText('图中突出显示的是俄罗斯').waitFor();
    await page.getByText(/\d{4}年\d{1,2}月\d{1,2}日/).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('zh-CN');

    await page.reload();
    await page.getByRole('heading', { name: '概览' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();
    expect(await htmlLang(page)).toBe('ru');
    await page.getByRole('link', { name: 'Изъятия' }).waitFor();
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    await page.getByText(/\d{1,2} [а-я]+ \d{4} г\./).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('ru');

    await page.reload();
    await page.getByRole('heading', { name: 'Обзор' }).waitFor();
    expect(await htmlLang(page)).toBe('ru');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => accountLocale(page)).toBe('en');
    await context.close();
  });

  it("follows the account's language on another browser, whatever that browser's language", async () => {
    const first = await openPage(browser, web.url);
    await first.page.goto('/');
    await signIn(first.page, 'admin', ADMIN_PASSWORD);
    await first.page.getByRole('heading', { name: 'Overview' }).waitFor();
    await first.page.getByRole('button', { name: 'Русский' }).click();
    await first.page.getByRole('heading', { name: 'Обзор' }).waitFor();
    // The page switches at once; the account is saved by a request that may still be on its way.
    await expect.poll(() => accountLocale(first.page)).toBe('ru');
    await first.context.close();

    const second = await openPage(browser, web.url, { locale: 'en-US' });
    await second.page.goto('/');
    await second.page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    await signIn(second.page, 'admin', ADMIN_PASSWORD);
    await second.page.getByRole('heading', { name: 'Обзор' }).waitFor();
    expect(await htmlLang(second.page)).toBe('ru');
    await second.page.getByRole('button', { name: 'English' }).click();
    await second.page.getByRole('heading', { name: 'Overview' }).waitFor();
    await second.context.close();
  });

  it("before sign-in, starts in the browser's language, remembers a choice on this browser, then follows the account", async () => {
    const { context, page } = await openPage(browser, web.url, { locale: 'zh-CN' });
    await page.goto('/');
    await page.getByRole('heading', { name: '登录 Liaison' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    await page.getByLabel('用户名').waitFor();

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Вход в Liaison' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Вход в Liaison' }).waitFor();
    expect(await htmlLang(page)).toBe('ru');

    // Signing in, the account's language (English) wins over this browser's: on a shared workstation the
    // previous user's choice must not follow the next user.
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('en');

    // A language picked on the sign-in screen just before signing in becomes the account's language.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '登录 Liaison' }).waitFor();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '概览' }).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await context.close();
  });
});
