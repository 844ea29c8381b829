import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestNode, type TestNode } from '../../support/node.js';

const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '../../..');
const WEB_INDEX = path.join(ROOT, 'web/dist/index.html');
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts/screenshots');

/** Debian's Chromium (apt-get install chromium); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless, and nothing that would reach for the network beyond the node under test.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The tests exercise the built app exactly as a node serves it: a missing build is a failure, not a skip. */
export function requireBuiltWebApp(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`${WEB_INDEX} is missing: run \`npm run build:web\` before the end-to-end tests.`);
  }
}

export interface WebNode {
  node: TestNode;
  /** http://127.0.0.1:PORT of the listening node. */
  url: string;
  close(): Promise<void>;
}

/** A test node (PGlite, or PostgreSQL when DATABASE_URL is set) listening on a free loopback port. */
export async function startWebNode(env: Record<string, string> = {}): Promise<WebNode> {
  requireBuiltWebApp();
  const node = await startTestNode(env);
  await node.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = node.app.server.address() as AddressInfo;
  return { node, url: `http://127.0.0.1:${port}`, close: () => node.close() };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A fresh browser profile (no cookies, no stored language) whose browser language is English unless told. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'en-GB',
    isMobile: options.viewport === PHONE,
    hasTouch: options.viewport === PHONE,
  });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/User name|用户名|Имя пользователя/).fill(username);
  await page.getByLabel(/^(Password|密码|Пароль)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录|Войти)$/ }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
