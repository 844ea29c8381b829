import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PASSWORD } from '../support/node.js';
import { accessibilityProblems } from './support/a11y.js';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  signIn,
  startWebNode,
  type WebNode,
} from './support/web.js';

let web: WebNode;
let browser: Browser;

beforeAll(async () => {
  web = await startWebNode({ LIAISON_DEMO_DATA: 'true' });
  await web.node.userWithRole('viewer', 'viewer');
  await web.node.userWithRole('liaison_officer', 'officer');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

async function signedIn(username: string, viewport?: { width: number; height: number }) {
  // The node sends a strict Content Security Policy; axe-core is injected as an inline script, so this
  // context bypasses the policy (the app itself does not need it bypassed).
  const context = await browser.newContext({
    baseURL: web.url,
    viewport: viewport ?? DESKTOP,
    locale: 'en-GB',
    isMobile: viewport === PHONE,
    hasTouch: viewport === PHONE,
  });
  const opened = { context, page: await context.newPage() };
  await opened.page.goto('/');
  await signIn(opened.page, username, USER_PASSWORD);
  await opened.page.getByRole('heading', { name: 'Overview' }).waitFor();
  return opened;
}

const GMS = 'Greater Mekong Subregion MOU on Drug Control';

describe('registry', () => {
  it('lets a viewer find the Greater Mekong MOU by its Chinese name and read its members over time', async () => {
    const { context, page } = await signedIn('viewer');
    // The home page lists overdue commitments (the demo data has some from 2005).
    await page.getByRole('heading', { name: 'Overdue commitments' }).waitFor();
    await page.locator('.overdue-card .overdue-days').first().waitFor();
    await screenshot(page, 'registry-home-overdue-en-1280');

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Registry' }).click();
    await page.getByRole('heading', { name: 'Registry', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Mechanisms/ }).waitFor();
    await page.getByTestId('training-chart').locator('svg').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'registry-home-en-1280');

    await page.getByLabel('Search the registry').fill('大湄公河');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: GMS }).click();
    await page.getByRole('heading', { name: GMS, level: 1 }).waitFor();

    await page.getByTestId('demo-marker').getByText('Demo data from public reporting').waitFor();
    await page.getByText('大湄公河次区域禁毒合作谅解备忘录机制').waitFor();
    const timeline = page.getByRole('list', { name: 'Member timeline' });
    for (const agency of ['KH-GOV', 'VN-GOV']) {
      const row = timeline.getByRole('listitem').filter({ hasText: agency });
      await row.getByText('Member: joined 1 May 1995').waitFor();
    }
    await timeline
      .getByRole('listitem')
      .filter({ hasText: 'CN-NNCC' })
      .getByText('joined 1 October 1993')
      .waitFor();

    // Members on a date: before the 1995 enlargement Cambodia and Viet Nam are not yet members.
    const membersAt = page.getByTestId('members-at');
    await page.getByLabel('Date', { exact: true }).fill('1994-06-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await membersAt.getByText('5 members on 1 June 1994').waitFor();
    expect(await membersAt.getByText('KH-GOV').count()).toBe(0);
    await page.getByLabel('Date', { exact: true }).fill('1996-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await membersAt.getByText('7 members on 1 January 1996').waitFor();
    await membersAt.getByText(/KH-GOV/).waitFor();
    await page.getByRole('heading', { name: 'Meeting cadence' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'registry-mechanism-en-1280');

    // A viewer sees no edit controls.
    await page.goto('/registry/meetings');
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.locator('.record-list li').first().waitFor();
    expect(await page.getByRole('link', { name: 'New meeting' }).count()).toBe(0);
    await page.locator('.record-list li a').first().click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit meeting' }).count()).toBe(0);
    await page.goto('/registry/overdue');
    await page.locator('.overdue-list li a').first().click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Record a status' }).count()).toBe(0);
    await context.close();
  });

  it('reads well on a phone', async () => {
    const { context, page } = await signedIn('viewer', PHONE);
    await page.goto('/registry/mechanisms/GMS-MOU');
    await page.getByRole('heading', { name: GMS, level: 1 }).waitFor();
    await page
      .getByRole('list', { name: 'Member timeline' })
      .getByText(/VN-GOV/)
      .waitFor();
    const overflow = await page.evaluate<boolean>(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth',
    );
    expect(overflow).toBe(false);
    await screenshot(page, 'registry-mechanism-en-390');
    await page.goto('/registry/calendar');
    await page.getByRole('heading', { name: 'Meetings in the period' }).waitFor();
    await page.locator('.calendar-list li').first().waitFor();
    await screenshot(page, 'registry-calendar-en-390');
    await context.close();
  });

  it('lets a liaison officer create a meeting and record a commitment status', async () => {
    const { context, page } = await signedIn('officer');
    await page.goto('/registry/meetings');
    await page.getByRole('link', { name: 'New meeting' }).click();
    await page.getByRole('heading', { name: 'New meeting', level: 1 }).waitFor();
    await page.getByLabel('Mechanism').selectOption('GMS-MOU');
    await page.getByLabel('Name in English').fill('GMS MOU senior officials meeting 2027');
    await page.getByLabel('Name in Chinese').fill('2027年大湄公河次区域禁毒合作谅解备忘录高官会');
    await page.getByLabel('Level').selectOption('senior_officials');
    await page.getByLabel('Starts').fill('2027-05-10');
    await page.getByLabel('Ends').fill('2027-05-08');
    await page.getByLabel('Place').fill('Vientiane');
    await page.getByLabel('Country').fill('LA');
    await page.getByRole('button', { name: 'Save' }).click();
    // The node refuses an end before the start; its message stands next to the field.
    await page.getByText('The node did not accept the record: see the marked fields.').waitFor();
    expect(await page.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'registry-meeting-invalid-en-1280');
    await page.getByLabel('Ends').fill('2027-05-12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'GMS MOU senior officials meeting 2027', level: 1 }).waitFor();
    await page.getByText('Vientiane').waitFor();
    expect(await page.getByTestId('demo-marker').count()).toBe(0);

    // Change it: the edit form comes filled in.
    await page.getByRole('link', { name: 'Edit meeting' }).click();
    expect(await page.getByLabel('Place').inputValue()).toBe('Vientiane');
    await page.getByLabel('Place').fill('Luang Prabang');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'GMS MOU senior officials meeting 2027', level: 1 }).waitFor();
    await page.getByText('Luang Prabang').waitFor();

    await page.goto('/registry/overdue');
    await page.locator('.overdue-list li a').first().click();
    await page.getByRole('heading', { name: 'Record a status' }).waitFor();
    await page.getByLabel('New status').selectOption('in_progress');
    await page.getByLabel('Note (optional)').fill('Draft action plan circulated');
    await page.getByRole('button', { name: 'Record status' }).click();
    await page.getByText('The status is recorded.').waitFor();
    await page.getByText(/Draft action plan circulated/).waitFor();
    await screenshot(page, 'registry-commitment-status-en-1280');
    await context.close();
  });

  it('lets a liaison officer create, correct, change and delete an alternative-development project', async () => {
    const { context, page } = await signedIn('officer');
    await page.goto('/registry/ad-projects');
    await page.getByRole('link', { name: 'New alternative-development project' }).click();
    await page.getByRole('heading', { name: 'New alternative-development project', level: 1 }).waitFor();
    await page.getByLabel('Name in English').first().fill('Tea and coffee substitution in northern Laos');
    await page.getByLabel('Name in Chinese').first().fill('老挝北部茶叶和咖啡替代种植');
    await page.getByLabel('Countries').fill('LA');
    await page.getByLabel('Area', { exact: true }).fill('-500');
    await page.getByLabel('Area unit').selectOption('mu');
    await page.getByRole('button', { name: 'Add funding' }).click();
    const funding = page.getByRole('group', { name: 'Funding 1' });
    await funding.getByLabel('Amount').fill('200000');
    await funding.getByLabel('Currency').fill('XYZ');
    await page.getByRole('button', { name: 'Save' }).click();

    // The node refuses a negative area and an unknown currency; each message stands at its field.
    await page.getByText('The node did not accept the record: see the marked fields.').waitFor();
    await page.getByText('An area cannot be negative (-500).').waitFor();
    await funding.getByText('“XYZ” is not a known currency code (ISO 4217).').waitFor();
    expect(await page.getByLabel('Area', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'registry-ad-invalid-en-1280');

    await page.getByLabel('Area', { exact: true }).fill('500');
    await funding.getByLabel('Currency').fill('CNY');
    await page.getByRole('button', { name: 'Save' }).click();
    const title = 'Tea and coffee substitution in northern Laos';
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('mu (15 mu = 1 ha)').waitFor();
    await page.getByText('CN¥200,000').waitFor();

    await page.getByRole('link', { name: 'Edit alternative-development project' }).click();
    expect(await page.getByLabel('Area', { exact: true }).inputValue()).toBe('500');
    await page.getByLabel('Area', { exact: true }).fill('750');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('750', { exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('heading', { name: 'Alternative development projects', level: 1 }).waitFor();
    await page.locator('.record-list li').first().waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    await context.close();
  });

  it('shows the registry in Chinese and Russian', async () => {
    const { context, page } = await signedIn('viewer');
    for (const [button, language, heading] of [
      ['中文', 'zh-CN', '合作登记'],
      ['Русский', 'ru', 'Реестр сотрудничества'],
    ] as const) {
      await page.goto('/registry');
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByTestId('training-chart').locator('svg').waitFor();
      await page.getByTestId('ad-chart').locator('svg').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `registry-home-${language}-1280`);
      await page.goto('/registry/agreements');
      await page.locator('.record-list li a').first().click();
      await page.locator('.record-fields').first().waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, `registry-agreement-${language}-1280`);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });
});
