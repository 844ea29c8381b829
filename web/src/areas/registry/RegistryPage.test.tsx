// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../session/session';
import { fakeNode, renderInApp } from '../../testing/render';
import RegistryPage from './RegistryPage';

afterEach(() => vi.unstubAllGlobals());

const R = '/api/v1/registry';

function me(permissions: string[]) {
  return Response.json({
    user: {
      id: 'u1',
      username: 'someone',
      displayName: 'Someone',
      role: permissions.includes('registry:write') ? 'liaison_officer' : 'viewer',
      locale: 'en',
      passwordChangeRequired: false,
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
    },
    permissions,
    authenticatedBy: 'session',
  });
}

const commitment = {
  id: '11111111-1111-4111-8111-111111111111',
  version: 1,
  origin: 'TEST-NNCB',
  handling: 'H0',
  names: { en: 'Host the congress', zh: '承办大会', ru: 'Провести конгресс' },
  owners: ['CN-NNCC'],
  dueOn: '2005-10-01',
  status: 'open',
  statusHistory: [{ status: 'open', on: '2026-11-23', by: 'system:demo-data' }],
  evidence: [],
  meeting: null,
  agreement: null,
  demo: true,
  source: { file: 'article-2005.txt', quote: '我国将负责承办' },
  notes: null,
  datePrecision: { dueOn: 'month' },
};

function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'signed-in' ? children : null;
}

async function show(
  path: string,
  permissions: string[],
  routes: Record<string, (body: unknown) => Response>,
) {
  const node = fakeNode({ 'GET /api/v1/auth/me': () => me(permissions), ...routes });
  vi.stubGlobal('fetch', vi.fn(node.fetch));
  await renderInApp(
    <SignedIn>
      <Routes>
        <Route path="/registry/*" element={<RegistryPage />} />
      </Routes>
    </SignedIn>,
    { path },
  );
  return node;
}

describe('registry record page', () => {
  it('shows a demo record with its marker, names in three languages and source, without edit controls for a viewer', async () => {
    await show(`/registry/commitments/${commitment.id}`, ['registry:read'], {
      [`GET ${R}/commitments/${commitment.id}`]: () => Response.json(commitment),
    });
    await screen.findByRole('heading', { name: 'Host the congress', level: 1 });
    expect(screen.getByTestId('demo-marker').textContent).toBe(
      'Demo data from public reporting · Source: article-2005.txt',
    );
    expect(screen.getByText('承办大会')).toBeTruthy();
    expect(screen.getByText('Провести конгресс')).toBeTruthy();
    expect(screen.getByText('我国将负责承办')).toBeTruthy();
    // Known only to the month, so written as a month.
    expect(screen.getByText('October 2005')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Record a status' })).toBeNull();
  });

  it('lets a writer record a status and shows the node’s refusal next to the field', async () => {
    let attempts = 0;
    const node = await show(`/registry/commitments/${commitment.id}`, ['registry:read', 'registry:write'], {
      [`GET ${R}/commitments/${commitment.id}`]: () => Response.json(commitment),
      [`POST ${R}/commitments/${commitment.id}/status`]: () =>
        ++attempts === 1
          ? Response.json(
              {
                title: 'Bad Request',
                status: 400,
                errors: [{ path: '/body/note', message: 'must NOT have more than 2000 characters' }],
              },
              { status: 400, headers: { 'content-type': 'application/problem+json' } },
            )
          : Response.json({
              ...commitment,
              version: 2,
              status: 'done',
              statusHistory: [
                ...commitment.statusHistory,
                { status: 'done', on: '2026-11-23', by: 'user:someone', note: 'Held' },
              ],
            }),
    });
    await screen.findByRole('heading', { name: 'Record a status' });
    fireEvent.change(screen.getByLabelText('New status'), { target: { value: 'done' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'Held' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record status' }));
    await screen.findByText('must NOT have more than 2000 characters');
    expect(screen.getByLabelText('Note (optional)').getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Record status' }));
    await screen.findByText('The status is recorded.');
    const posted = node.calls.filter((c) => c.method === 'POST').at(-1);
    expect(posted?.body).toEqual({ status: 'done', note: 'Held', expectedVersion: 1 });
    await waitFor(() => expect(screen.getAllByText('Done').length).toBeGreaterThan(0));
  });
});

describe('registry lists and meetings', () => {
  it('pages through a list and hides "New meeting" from a viewer', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      ...commitment,
      id: `m${i}`,
      names: { en: `Meeting ${i}`, zh: null, ru: null },
      demo: false,
    }));
    const node = await show('/registry/meetings', ['registry:read'], {
      [`GET ${R}/meetings?limit=20&offset=0`]: () =>
        Response.json({ items, total: 25, limit: 20, offset: 0 }),
      [`GET ${R}/meetings?limit=20&offset=20`]: () =>
        Response.json({ items: items.slice(0, 5), total: 25, limit: 20, offset: 20 }),
    });
    await screen.findByText('1–20 of 25');
    expect(screen.queryByRole('link', { name: 'New meeting' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('21–25 of 25');
    expect(node.calls.some((c) => c.path.endsWith('offset=20'))).toBe(true);
  });

  it('shows the node’s field errors for a new meeting next to the fields', async () => {
    await show('/registry/meetings/new', ['registry:read', 'registry:write'], {
      [`GET ${R}/mechanisms?limit=1000`]: () =>
        Response.json({
          items: [
            { ...commitment, id: 'g', code: 'GMS-MOU', names: { en: 'Greater Mekong', zh: null, ru: null } },
          ],
          total: 1,
          limit: 1000,
          offset: 0,
        }),
      [`POST ${R}/meetings`]: () =>
        Response.json(
          {
            title: 'Bad Request',
            status: 400,
            errors: [{ path: '/body/startsOn', message: 'must have required property startsOn' }],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    });
    await screen.findByRole('option', { name: 'GMS-MOU · Greater Mekong' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('must have required property startsOn');
    expect(screen.getByLabelText('Starts').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      'The node did not accept the record: see the marked fields.',
    );
  });
});
