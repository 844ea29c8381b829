// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { fakeNode, renderInApp } from '../testing/render';
import { useSession } from './session';

afterEach(() => vi.unstubAllGlobals());

const me = (locale: Me['user']['locale']): Me => ({
  user: {
    id: '0190f0e0-0000-7000-8000-000000000001',
    username: 'li.wei',
    displayName: 'Li Wei',
    role: 'liaison_officer',
    locale,
    passwordChangeRequired: false,
    disabled: false,
    createdAt: '2024-05-01T00:00:00Z',
  },
  permissions: ['registry:read'],
  authenticatedBy: 'session',
});

function Status() {
  const { state } = useSession();
  return <p>{state.status === 'signed-in' ? `signed in: ${state.me.user.locale}` : state.status}</p>;
}

describe('language per user', () => {
  it("switches to the account's saved language when the session is found", async () => {
    vi.stubGlobal('fetch', fakeNode({ 'GET /api/v1/auth/me': () => Response.json(me('ru')) }).fetch);
    await renderInApp(<Status />);
    expect(await screen.findByText('signed in: ru')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
  });

  it('saves a language chosen while signed in to the account and to this browser', async () => {
    const node = fakeNode({
      'GET /api/v1/auth/me': () => Response.json(me('en')),
      'PATCH /api/v1/auth/me': () => Response.json(me('zh-CN').user),
    });
    vi.stubGlobal('fetch', node.fetch);
    await renderInApp(
      <>
        <Status />
        <LanguageSwitcher />
      </>,
    );
    await screen.findByText('signed in: en');
    await userEvent.setup().click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByText('signed in: zh-CN')).toBeTruthy();
    expect(node.calls).toContainEqual({
      method: 'PATCH',
      path: '/api/v1/auth/me',
      body: { locale: 'zh-CN' },
    });
    expect(window.localStorage.getItem('liaison.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
  });
});
