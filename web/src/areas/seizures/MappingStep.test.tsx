// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeNode, renderInApp } from '../../testing/render';
import { MappingStep } from './MappingStep';
import type { Detection, SeizureImport } from './model';

afterEach(() => vi.unstubAllGlobals());

const imp = { id: 'imp-1', fileName: 'german.csv', mapping: null } as unknown as SeizureImport;
const detection: Detection = {
  layout: null,
  header: ['Datum', 'Land', 'Droge', 'Menge', 'Einheit'],
  suggested: { date: 'Datum', country: 'Land' },
  problem: 'unknown layout',
};

describe('MappingStep', () => {
  it('maps an unknown layout with selects, refuses missing required fields and saves the mapping by name', async () => {
    const node = fakeNode({
      'GET /api/v1/seizures/mappings': () => Response.json([]),
      'PUT /api/v1/seizures/imports/imp-1/mapping': () => Response.json({ ...imp, mapping: {} }),
    });
    vi.stubGlobal('fetch', node.fetch);
    const onMapped = vi.fn();
    await renderInApp(<MappingStep imp={imp} detection={detection} onMapped={onMapped} />, {
      session: false,
    });
    expect((screen.getByLabelText(/^Date \(/) as HTMLSelectElement).value).toBe('Datum');
    fireEvent.click(screen.getByRole('button', { name: 'Use these columns' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a column for: Drug, Quantity, Unit.');
    fireEvent.change(screen.getByLabelText(/^Drug \(/), { target: { value: 'Droge' } });
    fireEvent.change(screen.getByLabelText(/^Quantity \(/), { target: { value: 'Menge' } });
    fireEvent.change(screen.getByLabelText(/^Unit \(/), { target: { value: 'Einheit' } });
    fireEvent.change(screen.getByLabelText(/^Dates are written/), { target: { value: 'dmy' } });
    fireEvent.change(screen.getByLabelText('Save the mapping as (optional)'), {
      target: { value: 'DE form' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Use these columns' }));
    await waitFor(() => expect(onMapped).toHaveBeenCalled());
    const put = node.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      mapping: {
        kind: 'seizures',
        columns: { date: 'Datum', country: 'Land', drug: 'Droge', quantity: 'Menge', unit: 'Einheit' },
        numberFormat: 'auto',
        dateFormat: 'dmy',
      },
      saveAs: 'DE form',
    });
  });
});
