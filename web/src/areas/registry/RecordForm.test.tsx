// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../session/session';
import { fakeNode, renderInApp } from '../../testing/render';
import RegistryPage from './RegistryPage';

afterEach(() => vi.unstubAllGlobals());

const R = '/api/v1/registry';
const page = (items: unknown[]) => Response.json({ items, total: items.length, limit: 1000, offset: 0 });

function me() {
  return Response.json({
    user: {
      id: 'u1',
      username: 'officer',
      displayName: 'Officer',
      role: 'liaison_officer',
      locale: 'en',
      passwordChangeRequired: false,
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
    },
    permissions: ['registry:read', 'registry:write'],
    authenticatedBy: 'session',
  });
}

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'signed-in' ? children : null;
}

describe('registry record form', () => {
  it('sends a new membership and shows the node’s date error, in words, at the leave date', async () => {
    const node = fakeNode({
      'GET /api/v1/auth/me': me,
      [`GET ${R}/agencies?limit=1000`]: () =>
        page([{ id: 'a1', code: 'KH-GOV', names: { en: 'Government of Cambodia', zh: null, ru: null } }]),
      [`GET ${R}/mechanisms?limit=1000`]: () =>
        page([{ id: 'm1', code: 'GMS-MOU', names: { en: 'Greater Mekong MOU', zh: null, ru: null } }]),
      [`POST ${R}/memberships`]: () =>
        Response.json(
          {
            title: 'Bad Request',
            status: 400,
            errors: [
              {
                path: '/body/leftOn',
                message: 'leave date 1990-01-01 is not after the join date 1995-05-01',
              },
            ],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    });
    vi.stubGlobal('fetch', vi.fn(node.fetch));
    await renderInApp(
      <SignedIn>
        <Routes>
          <Route path="/registry/*" element={<RegistryPage />} />
        </Routes>
      </SignedIn>,
      { path: '/registry/memberships/new' },
    );
    await screen.findByRole('heading', { name: 'New membership', level: 1 });
    await screen.findByRole('option', { name: 'Government of Cambodia (KH-GOV)' });
    fireEvent.change(screen.getByLabelText('Mechanism'), { target: { value: 'GMS-MOU' } });
    fireEvent.change(screen.getByLabelText('Agency'), { target: { value: 'KH-GOV' } });
    fireEvent.change(screen.getByLabelText('Joined'), { target: { value: '1995-05-01' } });
    fireEvent.change(screen.getByLabelText('Left'), { target: { value: '1990-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('The leave date (1 January 1990) must be after the join date (1 May 1995).');
    expect(screen.getByLabelText('Left').getAttribute('aria-invalid')).toBe('true');
    const posted = node.calls.find((c) => c.method === 'POST');
    expect(posted?.body).toEqual({
      mechanism: 'GMS-MOU',
      agency: 'KH-GOV',
      role: 'member',
      joinedOn: '1995-05-01',
      leftOn: '1990-01-01',
      handling: 'H0',
    });
  });
});
