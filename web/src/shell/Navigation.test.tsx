// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../testing/render';
import { Navigation } from './Navigation';

describe('Navigation', () => {
  it('links every area and marks, in words, those outside the role', async () => {
    await renderInApp(
      <nav aria-label="Areas">
        <Navigation permissions={['registry:read', 'seizures:read', 'reports:read', 'federation:read']} />
      </nav>,
      { session: false },
    );
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      '/',
      '/registry',
      '/seizures',
      '/intel',
      '/cases',
      '/precursors',
      '/entities',
      '/reports',
      '/federation',
    ]);
    // The accessible name says it; the lock icon alone would say nothing to a screen reader.
    expect(within(nav).getByRole('link', { name: 'Intelligence (not in your role)' })).toHaveProperty(
      'className',
      'restricted',
    );
    expect(within(nav).getByRole('link', { name: 'Registry' }).className).not.toContain('restricted');
  });

  it('marks the current page', async () => {
    await renderInApp(<Navigation permissions={['seizures:read']} />, { session: false, path: '/seizures' });
    expect(screen.getByRole('link', { name: 'Seizures' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });

  it('speaks Russian when the page does', async () => {
    await renderInApp(<Navigation permissions={[]} />, { session: false, locale: 'ru' });
    expect(screen.getByRole('link', { name: 'Изъятия (недоступно для вашей роли)' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
  });
});
