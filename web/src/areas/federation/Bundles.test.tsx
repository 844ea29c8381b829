// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../session/session';
import { fakeNode, renderInApp } from '../../testing/render';
import FederationPage from './FederationPage';

afterEach(() => vi.unstubAllGlobals());

const F = '/api/v1/federation';

function me(permissions: string[]) {
  return () =>
    Response.json({
      user: {
        id: 'u1',
        username: 'admin',
        displayName: 'Administrator',
        role: 'administrator',
        locale: 'en',
        passwordChangeRequired: false,
        disabled: false,
        createdAt: '2026-01-01T00:00:00Z',
      },
      permissions,
      authenticatedBy: 'session',
    });
}

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'signed-in' ? children : null;
}

async function open(routes: Parameters<typeof fakeNode>[0]) {
  const node = fakeNode(routes);
  vi.stubGlobal('fetch', vi.fn(node.fetch));
  await renderInApp(
    <SignedIn>
      <Routes>
        <Route path="/federation/*" element={<FederationPage />} />
      </Routes>
    </SignedIn>,
    { path: '/federation/bundles' },
  );
  await screen.findByRole('heading', { name: 'Bundle files (air-gapped exchange)', level: 1 });
  return node;
}

describe('bundle files page', () => {
  it('says plainly when the node refuses a file as too large', async () => {
    await open({
      'GET /api/v1/auth/me': me(['federation:read', 'federation:manage']),
      [`GET ${F}/partners`]: () => Response.json([]),
      [`POST ${F}/bundles/import`]: () =>
        Response.json(
          {
            title: 'Request body too large',
            status: 413,
            detail: 'The request body is larger than this node accepts.',
          },
          { status: 413, headers: { 'content-type': 'application/problem+json' } },
        ),
    });
    const file = new File(['{"kind":"liaison-bundle-encrypted"}'], 'big.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Bundle file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import the file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^The node refused big\.json \(35 B\): it is larger than the node accepts\./,
    );
    expect(alert.textContent).toContain('The request body is larger than this node accepts.');
  });

  it('shows no actions, and no link to the page, to a user who may only read', async () => {
    await open({ 'GET /api/v1/auth/me': me(['federation:read']) });
    expect(screen.getByText('Only administrators export and import bundle files.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Bundle files' })).toBeNull();
  });
});
