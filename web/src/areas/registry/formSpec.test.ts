import { describe, expect, it } from 'vitest';
import { errorPaths, formBody, formValues } from './formSpec';
import { FORMS } from './kindForms';
import { errorsByField } from './model';
import { nodeMessage } from './nodeErrors';

const ad = FORMS['ad-projects'];
const memberships = FORMS.memberships;
if (!ad || !memberships) throw new Error('forms missing');

describe('registry form mapping', () => {
  it('leaves empty fields out of a new record and converts numbers, codes and rows', () => {
    const values = formValues(ad);
    expect(values.handling).toBe('H0');
    values['names/en'] = ' Crop substitution in Shan State ';
    values.countries = 'mm, la';
    values.areaValue = '-5';
    values.areaUnit = 'mu';
    values.funding = [{ amount: '300000', currency: 'usd', on: '', donor: '', isMinimum: false, note: '' }];
    values.implementers = [{ value: 'CN-NNCC' }, { value: '' }];
    const body = formBody(ad, values, false);
    expect(body).toMatchObject({
      names: { en: 'Crop substitution in Shan State' },
      countries: ['MM', 'LA'],
      areaValue: -5,
      areaUnit: 'mu',
      funding: [{ amount: 300000, currency: 'USD', isMinimum: false }],
      implementers: ['CN-NNCC'],
      handling: 'H0',
    });
    expect(body).not.toHaveProperty('areaAsOf');
    expect(body).not.toHaveProperty('names.zh');
  });

  it('sends a change as the whole state: cleared fields as null, fixed ones not at all', () => {
    const record = {
      id: 'm1',
      version: 2,
      mechanism: 'GMS-MOU',
      agency: 'KH-GOV',
      role: 'member',
      joinedOn: '1995-05-01',
      leftOn: '2001-01-01',
      handling: 'H0',
      handlingText: null,
      notes: null,
    };
    const values = formValues(memberships, record);
    expect(values).toMatchObject({ mechanism: 'GMS-MOU', joinedOn: '1995-05-01', leftOn: '2001-01-01' });
    values.leftOn = '';
    const body = formBody(memberships, values, true);
    expect(body).toEqual({
      role: 'member',
      joinedOn: '1995-05-01',
      leftOn: null,
      handling: 'H0',
      handlingText: null,
      notes: null,
    });
  });

  it('reads a record back into the same form values it was written from', () => {
    const record = {
      names: { en: 'Rubber', zh: null, ru: null },
      countries: ['LA'],
      crops: [{ en: 'Rubber', zh: '橡胶' }],
      areaValue: 70000,
      areaUnit: 'mu',
      funding: [{ amount: 1.5, currency: 'CNY', isMinimum: true }],
    };
    const values = formValues(ad, record);
    expect(values.countries).toBe('LA');
    expect(values.areaValue).toBe('70000');
    expect(values.crops).toEqual([{ en: 'Rubber', zh: '橡胶', ru: '' }]);
    expect(formBody(ad, values, false)).toMatchObject({
      crops: [{ en: 'Rubber', zh: '橡胶' }],
      funding: [{ amount: 1.5, currency: 'CNY', isMinimum: true }],
    });
  });

  it("puts the node's errors at the field they name, a row's under the row", () => {
    const values = formValues(ad);
    values.funding = [
      { amount: '', currency: '' },
      { amount: '-1', currency: 'XYZ' },
    ];
    const byField = errorsByField(
      {
        title: 'Bad request',
        status: 400,
        errors: [
          { path: '/body/funding/1/currency', message: '"XYZ" is not a known ISO 4217 currency code' },
          { path: '/body/areaValue', message: 'an area cannot be negative (-5)' },
          { path: '/body/names', message: 'needs a name in at least one of en, zh, ru' },
          { path: '/body/countries/0', message: '"XX" is not an ISO 3166 country code' },
          { path: '/body/funding/0', message: 'is odd' },
          { path: '/body/whatever', message: 'elsewhere' },
        ],
      },
      errorPaths(ad, values),
    );
    expect(Object.keys(byField).sort()).toEqual(
      ['', 'areaValue', 'countries', 'funding/0', 'funding/1/currency', 'names'].sort(),
    );
  });
});

describe("the node's messages in the user's language", () => {
  it('recognises the rules a form meets', () => {
    expect(nodeMessage('an area cannot be negative (-5)')).toEqual({
      key: 'registry.nodeErrors.negativeArea',
      values: { value: '-5' },
    });
    expect(nodeMessage('leave date 1990-01-01 is not after the join date 1995-05-01')).toEqual({
      key: 'registry.nodeErrors.leaveBeforeJoin',
      values: { left: '1990-01-01', joined: '1995-05-01' },
    });
    expect(nodeMessage('"XYZ" is not a known ISO 4217 currency code')?.values).toEqual({ code: 'XYZ' });
    expect(nodeMessage('2001-01-01 is before signedOn 2002-01-01')).toEqual({
      key: 'registry.nodeErrors.dateOrder',
      values: { date: '2001-01-01', other: '2002-01-01' },
      fields: { whatField: { key: 'registry.fields.signedOn' } },
    });
  });

  it('leaves a message it does not know to be shown as the node wrote it', () => {
    expect(nodeMessage('KH-GOV is already member of GMS-MOU from 1995-05-01')).toBeNull();
  });
});
