import { describe, expect, it } from 'vitest';
import { fingerprintRows, periodQuery, recordState, sharedCsv } from './model';

describe('federation page helpers', () => {
  it('write a fingerprint as four rows of four groups, whatever its spacing or case', () => {
    const hex = 'd206c57a57a90add6e5e8ea64db9b7c1a69bc6f2cb61174230b8332370ec62bd';
    expect(fingerprintRows(hex)).toEqual([
      'D206 C57A 57A9 0ADD',
      '6E5E 8EA6 4DB9 B7C1',
      'A69B C6F2 CB61 1742',
      '30B8 3323 70EC 62BD',
    ]);
    expect(fingerprintRows(fingerprintRows(hex).join('  '))).toEqual(fingerprintRows(hex));
  });

  it('turn a period of dates into instants that include the whole last day', () => {
    const q = new URLSearchParams(periodQuery('MM', '2026-01-01', '2026-01-31'));
    expect(q.get('partner')).toBe('MM');
    expect(q.get('since')).toBe('2026-01-01T00:00:00.000Z');
    expect(q.get('until')).toBe('2026-02-01T00:00:00.000Z');
    expect(new URLSearchParams(periodQuery('', '', '')).has('partner')).toBe(false);
  });

  it('name the state of a received record', () => {
    expect(recordState({ placeholder: true, tombstone: null })).toBe('placeholder');
    expect(recordState({ placeholder: false, tombstone: 'retracted' })).toBe('retracted');
    expect(recordState({ placeholder: false, tombstone: null })).toBe('content');
  });

  it('write the report as quoted CSV that spreadsheets do not run as formulas', () => {
    const csv = sharedCsv(
      [
        {
          at: '2026-11-23T10:00:00.000Z',
          partner: 'MM',
          how: 'pull',
          origin: 'CN',
          type: 'intel.note',
          id: 'x',
          version: 2,
          kind: 'content',
          handling: null,
        },
      ],
      ['When', 'Partner, agency', 'How', 'Origin', 'Type', 'Record', 'Version', 'State', '=Handling'],
    );
    expect(csv).toBe(
      '"When","Partner, agency","How","Origin","Type","Record","Version","State","\'=Handling"\r\n' +
        '"2026-11-23T10:00:00.000Z","MM","pull","CN","intel.note","x","2","content",""\r\n',
    );
  });
});
