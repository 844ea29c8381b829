// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { fakeNode, problem, renderInApp } from '../testing/render';

afterEach(() => vi.unstubAllGlobals());

const notSignedIn = { 'GET /api/v1/auth/me': () => problem(401, 'Sign in first.') };

async function submit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('User name'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in screen', () => {
  it('says the user name or password is wrong, and clears the password', async () => {
    vi.stubGlobal(
      'fetch',
      fakeNode({
        ...notSignedIn,
        'POST /api/v1/auth/login': () => problem(401, 'Wrong user name or password.'),
      }).fetch,
    );
    await renderInApp(<App />);
    await submit('admin', 'not the password');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong user name or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('says how long to wait when the user name is locked', async () => {
    const node = fakeNode({
      ...notSignedIn,
      'POST /api/v1/auth/login': () => problem(429, 'Too many failed sign-ins.', { 'retry-after': '1' }),
    });
    vi.stubGlobal('fetch', node.fetch);
    await renderInApp(<App />);
    await submit('admin', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed sign-ins. Try again in 1 second.',
    );
  });

  it('asks for both fields before sending anything', async () => {
    const node = fakeNode(notSignedIn);
    vi.stubGlobal('fetch', node.fetch);
    await renderInApp(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your user name and password.');
    expect(node.calls.filter((c) => c.path === '/api/v1/auth/login')).toHaveLength(0);
  });

  it('uses Russian plural forms for the waiting time', async () => {
    const node = fakeNode({
      ...notSignedIn,
      'POST /api/v1/auth/login': () => problem(429, 'Too many failed sign-ins.', { 'retry-after': '5' }),
    });
    vi.stubGlobal('fetch', node.fetch);
    await renderInApp(<App />, { locale: 'ru' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Имя пользователя'), 'admin');
    await user.type(screen.getByLabelText('Пароль'), 'x');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect((await screen.findByRole('alert')).textContent).toContain('через 5 секунд.');
  });
});
