import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation } from '../../src/federation/routes.js';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import { launchBrowser, openPage, screenshot, signIn, startWebNode, type WebNode } from './support/web.js';

// Two nodes on loopback, each with its workers running. Their administrators pair them through the web pages
// (invitation, the same fingerprint on both sides, explicit confirmation); a note CN writes for MM then shows on
// MM's received list and record page with its banner.

let cn: WebNode;
let mm: WebNode;
let browser: Browser;

beforeAll(async () => {
  cn = await startWebNode({
    LIAISON_AGENCY_CODE: 'CN-NNCC',
    LIAISON_AGENCY_NAME: 'China National Narcotics Control Commission',
  });
  mm = await startWebNode({ LIAISON_AGENCY_CODE: 'MM-CCDAC', LIAISON_AGENCY_NAME: 'Myanmar CCDAC' });
  startFederation(cn.node.app);
  startFederation(mm.node.app);
  await cn.node.userWithRole('liaison_officer', 'officer');
  await mm.node.userWithRole('liaison_officer', 'officer');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await cn?.close();
  await mm?.close();
});

async function adminOf(web: WebNode): Promise<Page> {
  const { page } = await openPage(browser, web.url);
  await page.goto('/');
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return page;
}

/** Sets the node's address and makes an invitation; returns its text and the fingerprint shown beside it. */
async function invite(page: Page, web: WebNode, forAgency: string) {
  await page.goto('/federation/pairing');
  await page.getByRole('heading', { name: 'Pairing with a partner', level: 1 }).waitFor();
  await page.getByLabel('Public address (URL)').fill(web.url);
  await page.getByRole('button', { name: 'Save address' }).click();
  await page.getByText('The address is saved; new invitations carry it.').waitFor();
  await page.getByLabel('For agency (optional)').fill(forAgency);
  await page.getByRole('button', { name: 'Make an invitation' }).click();
  const text = await page.getByLabel('Invitation text to send').inputValue();
  const fingerprint = await page.getByTestId('invitation-fingerprint').getAttribute('data-fingerprint');
  return { text, fingerprint };
}

/** Accepts a partner's invitation and confirms it; returns the partner's fingerprint as the confirm step showed it. */
async function acceptAndConfirm(page: Page, invitation: string, agency: string, shot?: string) {
  await page.goto('/federation/pairing');
  await page.getByLabel('Invitation text', { exact: true }).fill(invitation);
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await page.getByRole('heading', { name: `Confirm ${agency}` }).waitFor();
  const shown = await page.getByTestId('partner-fingerprint').getAttribute('data-fingerprint');
  const confirm = page.getByRole('button', { name: 'Confirm the partner' });
  expect(await confirm.isDisabled()).toBe(true);
  expect(await accessibilityProblems(page)).toEqual([]);
  if (shot) await screenshot(page, shot);
  await page.getByLabel(/I compared the fingerprint/).check();
  await confirm.click();
  await page.getByRole('heading', { name: 'Synchronisation' }).waitFor();
  return shown;
}

describe('federation pages', () => {
  it('pair two nodes through the UI, and a shared note arrives with its banner', async () => {
    const cnAdmin = await adminOf(cn);
    const mmAdmin = await adminOf(mm);

    const fromCn = await invite(cnAdmin, cn, 'MM-CCDAC');
    expect(fromCn.text).toMatch(/^LIAISON-INVITE:/);
    expect(await accessibilityProblems(cnAdmin)).toEqual([]);
    await screenshot(cnAdmin, 'federation-invitation-en-1280');
    const fromMm = await invite(mmAdmin, mm, 'CN-NNCC');

    // Each side sees the other's fingerprint exactly as the other's own page shows it.
    expect(await acceptAndConfirm(mmAdmin, fromCn.text, 'CN-NNCC', 'federation-confirm-en-1280')).toBe(
      fromCn.fingerprint,
    );
    expect(await acceptAndConfirm(cnAdmin, fromMm.text, 'MM-CCDAC')).toBe(fromMm.fingerprint);
    await cnAdmin.goto('/federation');
    await cnAdmin.getByTestId('partners').getByText('Confirmed').waitFor();
    expect(await cnAdmin.getByTestId('own-fingerprint').getAttribute('data-fingerprint')).toBe(
      fromCn.fingerprint,
    );

    // CN's officer writes a note for MM under H3.
    const officer = await cn.node.login('officer', USER_PASSWORD);
    const res = await cn.node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/notes',
      headers: { cookie: officer },
      payload: {
        subject: 'Shipment via Mong La',
        body: 'Methamphetamine tablets expected next week.',
        policy: {
          handling: 'H3',
          handlingText: 'Share with the border liaison office only',
          audience: { agencies: ['MM-CCDAC'], mechanisms: [], taskForces: [] },
          onwardSharing: false,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);

    // MM's administrator pulls now; the notice may have brought it already.
    await mmAdmin.goto('/federation/partners/CN-NNCC');
    await mmAdmin.getByRole('button', { name: 'Pull now' }).click();
    await mmAdmin.getByText(/^Pulled: applied/).waitFor();
    await mmAdmin.getByTestId('quarantine-empty').waitFor();
    expect(await accessibilityProblems(mmAdmin)).toEqual([]);
    await screenshot(mmAdmin, 'federation-sync-en-1280');

    const { page } = await openPage(browser, mm.url);
    await page.goto('/');
    await signIn(page, 'officer', USER_PASSWORD);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.goto('/federation/received');
    const list = page.getByTestId('received-list');
    await list.getByRole('row').filter({ hasText: 'intel.note' }).waitFor();
    expect(await list.getByRole('row').filter({ hasText: 'CN-NNCC' }).count()).toBe(1);
    await list.getByRole('link').first().click();
    const banner = page.getByTestId('received-banner');
    await banner.getByRole('heading', { name: /Received from CN-NNCC/ }).waitFor();
    await banner.getByText('Restriction: Share with the border liaison office only').waitFor();
    expect(await page.getByTestId('banner-onward').textContent()).toBe('Not allowed');
    await page.getByTestId('payload').getByText('Shipment via Mong La').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'federation-received-en-1280');

    await page.getByRole('button', { name: 'Русский' }).click();
    await banner.getByRole('heading', { name: /Получено от CN-NNCC/ }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'federation-received-ru-1280');
    // CN's administrator sees the delivery in "what we shared" and may narrow it to MM.
    await cnAdmin.goto('/federation/report');
    await cnAdmin.getByLabel('Partner').selectOption('MM-CCDAC');
    await cnAdmin.getByRole('button', { name: 'Show', exact: true }).click();
    await cnAdmin
      .getByTestId('shared-report')
      .getByRole('row')
      .filter({ hasText: 'intel.note' })
      .first()
      .waitFor();
    expect(await accessibilityProblems(cnAdmin)).toEqual([]);
    await screenshot(cnAdmin, 'federation-report-en-1280');

    // And changes the default policy of notes.
    await cnAdmin.goto('/federation/defaults');
    const notes = cnAdmin.getByRole('row').filter({ hasText: 'intel.note' });
    await notes.getByRole('button', { name: 'Change…' }).click();
    await notes.getByLabel('Handling code').selectOption('H1');
    await notes.getByLabel('Named agencies').fill('mm-ccdac');
    await notes.getByRole('button', { name: 'Save the default' }).click();
    await notes.getByText('changed on this node').waitFor();
    expect(await accessibilityProblems(cnAdmin)).toEqual([]);

    // Switch language, wait until the page speaks it, then follow the navigation (no reload: a reload racing the
    // saving of the choice to the account could come back in the old language).
    await mmAdmin.getByRole('button', { name: 'Русский' }).click();
    const areaLink = mmAdmin.locator('nav a[href="/federation"]').first();
    await mmAdmin.getByRole('button', { name: 'Русский', pressed: true }).waitFor();
    await areaLink.filter({ hasText: 'Партнёры и обмен' }).waitFor();
    await areaLink.click();
    await mmAdmin.getByRole('heading', { name: 'Этот узел' }).waitFor();
    await mmAdmin.getByTestId('partners').getByText('Подтверждён').waitFor();
    await screenshot(mmAdmin, 'federation-overview-ru-1280');
  });
});
