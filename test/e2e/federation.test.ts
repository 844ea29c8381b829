import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { federationOf, startFederation } from '../../src/federation/routes.js';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import { launchBrowser, openPage, screenshot, signIn, startWebNode, type WebNode } from './support/web.js';

// Two nodes on loopback, each with its workers running. Their administrators pair them through the web pages
// (invitation, the same fingerprint on both sides, explicit confirmation); a note CN writes for MM then shows on
// MM's received list and record page with its banner. Then a bundle file carries a second note from CN to MM
// (exported and imported through the pages), and CN's administrator creates a task force through its form.

let cn: WebNode;
let mm: WebNode;
let browser: Browser;
let downloads: string;

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
  downloads = mkdtempSync(path.join(tmpdir(), 'liaison-bundles-'));
});

afterAll(async () => {
  await browser?.close();
  await cn?.close();
  await mm?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

let cnAdmin: Page;
let mmAdmin: Page;

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
    cnAdmin = await adminOf(cn);
    mmAdmin = await adminOf(mm);

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
  // Runs after the pairing above (the tests of a file run in order).
  it('carry a note in a bundle file from one node to the other', async () => {
    // MM stops pulling: what arrives now comes only in the file.
    await federationOf(mm.node.app).stop();
    const officer = await cn.node.login('officer', USER_PASSWORD);
    const res = await cn.node.app.inject({
      method: 'POST',
      url: '/api/v1/federation/notes',
      headers: { cookie: officer },
      payload: {
        subject: 'Courier route via Tachileik',
        body: 'Carried on a storage medium.',
        policy: {
          handling: 'H2',
          handlingText: null,
          audience: { agencies: ['MM-CCDAC'], mechanisms: [], taskForces: [] },
          onwardSharing: false,
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);

    await cnAdmin.goto('/federation/bundles');
    await cnAdmin.getByRole('heading', { name: 'Bundle files (air-gapped exchange)', level: 1 }).waitFor();
    await cnAdmin.getByLabel('For partner').selectOption('MM-CCDAC');
    expect(await cnAdmin.getByLabel(/Encrypt the file to the partner/).isChecked()).toBe(true);
    const [download] = await Promise.all([
      cnAdmin.waitForEvent('download'),
      cnAdmin.getByRole('button', { name: 'Export and download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('liaison-CN-NNCC-to-MM-CCDAC.json');
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await cnAdmin
      .getByTestId('bundle-exported')
      .getByText(/^Saved liaison-CN-NNCC-to-MM-CCDAC\.json/)
      .waitFor();
    expect(await accessibilityProblems(cnAdmin)).toEqual([]);
    await screenshot(cnAdmin, 'federation-bundle-export-en-1280');

    // MM's administrator left the page in Russian: back to English, then through the area's navigation (no reload
    // racing the saving of the language choice).
    await mmAdmin.getByRole('button', { name: 'English' }).click();
    await mmAdmin.getByRole('button', { name: 'English', pressed: true }).waitFor();
    await mmAdmin
      .getByRole('navigation', { name: 'Federation pages' })
      .getByRole('link', { name: 'Bundle files' })
      .click();
    await mmAdmin.getByRole('heading', { name: 'Bundle files (air-gapped exchange)', level: 1 }).waitFor();
    await mmAdmin.getByLabel('Bundle file').setInputFiles(file);
    await mmAdmin.getByRole('button', { name: 'Import the file' }).click();
    const result = mmAdmin.getByTestId('bundle-imported');
    await result.getByRole('heading', { name: 'Imported from CN-NNCC' }).waitFor();
    expect(Number(await result.getByTestId('bundle-applied').textContent())).toBeGreaterThanOrEqual(1);
    expect(await accessibilityProblems(mmAdmin)).toEqual([]);
    await screenshot(mmAdmin, 'federation-bundle-import-en-1280');

    await result.getByRole('link', { name: 'Received records' }).click();
    const list = mmAdmin.getByTestId('received-list');
    await list.getByRole('row').filter({ hasText: 'Imported from a bundle file' }).first().waitFor();
    expect(await list.getByRole('row').filter({ hasText: 'intel.note' }).count()).toBe(2);
  });

  it('create a task force through its form; a leave date before the join date is shown at its field', async () => {
    await cnAdmin.goto('/federation/defaults');
    await cnAdmin.getByRole('button', { name: 'New task force…' }).click();
    const form = cnAdmin.getByRole('form', { name: 'New task force' });
    await form.getByLabel('Code', { exact: true }).fill('TF-MEKONG');
    await form.getByLabel('Name', { exact: true }).fill('Mekong task force');
    await form.getByRole('button', { name: 'Add a member' }).click();
    await form.getByLabel('Agency code').fill('MM-CCDAC');
    await form.getByLabel('Joined on').fill('2024-05-01');
    const left = form.getByLabel('Left on (optional)');
    await left.fill('2024-04-01');
    await form.getByRole('button', { name: 'Save the task force' }).click();
    await form.getByText('The node did not save the task force').waitFor();
    expect(await left.getAttribute('aria-invalid')).toBe('true');
    // The error is the one the field announces (aria-describedby: its hint, then its error).
    const errorId = (await left.getAttribute('aria-describedby'))
      ?.split(' ')
      .find((id) => id.endsWith('-error'));
    const leftError = cnAdmin.locator(`[id="${errorId}"]`);
    expect(await leftError.textContent()).toMatch(
      /^The leave date \(.+\) must be after the join date \(.+\)\.$/,
    );
    expect(await accessibilityProblems(cnAdmin)).toEqual([]);
    await screenshot(cnAdmin, 'federation-task-force-error-en-1280');

    // The node's own field errors land at their field too: an agency code it refuses.
    await left.fill('');
    const agency = form.getByLabel('Agency code');
    await agency.fill('M');
    await form.getByRole('button', { name: 'Save the task force' }).click();
    await form.getByText('The node did not save the task force').waitFor();
    expect(await agency.getAttribute('aria-invalid')).toBe('true');
    expect(await left.getAttribute('aria-invalid')).toBeNull();

    await agency.fill('MM-CCDAC');
    await form.getByRole('button', { name: 'Save the task force' }).click();
    const forces = cnAdmin.getByTestId('task-forces');
    await forces.getByText(/Mekong task force: MM-CCDAC \(2024-05-01\)/).waitFor();
    expect(await form.count()).toBe(0);
  });
});
