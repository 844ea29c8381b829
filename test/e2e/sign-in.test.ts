import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import { launchBrowser, openPage, screenshot, signIn, startWebNode, type WebNode } from './support/web.js';

let web: WebNode;
let browser: Browser;

beforeAll(async () => {
  // A low failure limit so the lock-out message can be reached in a few tries.
  web = await startWebNode({ LIAISON_AGENCY_COUNTRY: 'CN', LIAISON_LOGIN_MAX_FAILURES: '3' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

describe('signing in and out', () => {
  it("signs in and shows the agency, the user's role and the node's key fingerprint", async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();

    const node = (
      await web.node.app.inject({
        url: '/api/v1/node',
        headers: { cookie: await web.node.login('admin', ADMIN_PASSWORD) },
      })
    ).json();
    const header = page.getByRole('banner');
    expect(await header.getByTestId('agency').textContent()).toContain('Test Narcotics Bureau');
    expect(await header.getByTestId('agency').textContent()).toContain('TEST-NNCB');
    expect(await header.getByTestId('user').textContent()).toContain('Administrator');
    expect(await page.getByTestId('fingerprint').textContent()).toBe(node.fingerprint);
    await page.getByText('China is highlighted').waitFor();
    await page.locator('[data-testid=world-map][data-state=ready]').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'home-en-1280');
    await context.close();
  });

  it('says so when the password is wrong, and stays on the sign-in screen', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await signIn(page, 'admin', 'not the password at all');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong user name or password.');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, 'sign-in-wrong-password-en-1280');
    await context.close();
  });

  it('tells a locked-out user how long to wait', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    for (let i = 0; i < 3; i++) {
      await signIn(page, 'nobody', `wrong guess ${i}`);
      await page.getByText('Wrong user name or password.').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':not([disabled])')).waitFor();
    }
    await signIn(page, 'nobody', 'wrong guess 4');
    await page.getByText(/Too many failed sign-ins\. Try again in \d+ seconds\./).waitFor();
    await context.close();
  });

  it('signs out, and a reload stays signed out', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    await page.getByText('You have signed out.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    const me = (await page.request.get('/api/v1/auth/me')).status();
    expect(me).toBe(401);
    await context.close();
  });

  it('returns to the sign-in screen, saying why, when the session ends elsewhere', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/reports');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    // The session ends on the node (as when it expires or an administrator disables the account) ...
    expect((await page.request.post('/api/v1/auth/logout')).status()).toBe(204);
    // ... and the next request the page makes finds out.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Sign in to Liaison' }).waitFor();
    await page.getByText('Your session has ended. Sign in again.').waitFor();
    await context.close();
  });

  it('keeps the session across a reload and a deep link', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.goto('/federation');
    await page.getByRole('heading', { name: 'Partners and sharing', level: 1 }).waitFor();
    await context.close();
  });
});
