import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let web: WebNode;
let browser: Browser;
let oneTimePassword: string;

beforeAll(async () => {
  // No LIAISON_ADMIN_PASSWORD: the node makes the first administrator with a one-time password.
  web = await startWebNode({ LIAISON_ADMIN_PASSWORD: '' });
  if (!web.node.oneTimeAdminPassword) throw new Error('the test node made no one-time password');
  oneTimePassword = web.node.oneTimeAdminPassword;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const NEW_PASSWORD = 'harbour lantern 4417 north';

describe('first sign-in with a one-time password', () => {
  it('asks for a password of their own before anything else, checks it, then opens the application', async () => {
    const { context, page } = await openPage(browser, web.url, { viewport: PHONE });
    await page.goto('/');
    await signIn(page, 'admin', oneTimePassword);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel('Current (one-time) password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The new password must be at least 12 characters long.').waitFor();

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}x`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The two new passwords differ.').waitFor();
    await screenshot(page, 'change-password-en-390');

    await page.getByLabel('Current (one-time) password').fill('not the one-time password');
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is wrong.').waitFor();

    await page.getByLabel('Current (one-time) password').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await context.close();
  });

  it('signs in with the new password and no longer asks', async () => {
    const { context, page } = await openPage(browser, web.url);
    await page.goto('/');
    await signIn(page, 'admin', oneTimePassword);
    await page.getByText('Wrong user name or password.').waitFor();
    await signIn(page, 'admin', NEW_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await context.close();
  });
});
