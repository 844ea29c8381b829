import { cleanup, type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach } from 'vitest';
import type { Locale } from '../api/types';
import { startI18n, switchLanguage } from '../i18n/i18n';
import { SessionProvider } from '../session/session';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

let started = false;

/** Renders inside the app's providers (language, router, session) as main.tsx sets them up. */
export async function renderInApp(
  element: ReactElement,
  options: { locale?: Locale; path?: string; session?: boolean } = {},
): Promise<RenderResult> {
  const locale = options.locale ?? 'en';
  if (started) await switchLanguage(locale);
  else await startI18n(locale);
  started = true;
  const routed = <MemoryRouter initialEntries={[options.path ?? '/']}>{element}</MemoryRouter>;
  return render(options.session === false ? routed : <SessionProvider>{routed}</SessionProvider>);
}

/** A fetch that answers each "METHOD path" from a table; anything else is a 404 problem. */
export function fakeNode(routes: Record<string, (body: unknown) => Response>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    if (route) return route(body);
    return Response.json(
      { title: 'Not found', status: 404 },
      { status: 404, headers: { 'content-type': 'application/problem+json' } },
    );
  };
  return { fetch, calls };
}

export function problem(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { title: 'Problem', status, detail },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}
