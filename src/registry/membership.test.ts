import { describe, expect, it } from 'vitest';
import { holdsOn, type MembershipFact, membersAtIn } from './membership.js';

const m = (
  agencyCode: string,
  joinedOn: string,
  leftOn: string | null = null,
  role: MembershipFact['role'] = 'member',
): MembershipFact => ({
  mechanismCode: 'GMS-MOU',
  agencyCode,
  role,
  joinedOn,
  leftOn,
});

const facts: MembershipFact[] = [
  m('TH-ONCB', '1993-10-01'),
  m('CN-NNCC', '1993-10-01'),
  m('KH-GOV', '1995-05-01'),
  m('XX-LEFT', '1993-10-01', '2000-01-01'),
  m('XX-BACK', '1993-10-01', '1996-01-01'),
  m('XX-BACK', '1998-01-01'),
  m('UNODC', '1993-10-01', null, 'secretariat'),
  { ...m('XX-GONE', '1993-10-01'), retracted: true },
  { ...m('CN-NNCC', '1990-01-01'), mechanismCode: 'OTHER' },
];

describe('membersAtIn (pure)', () => {
  it('counts the join day and not the leave day', () => {
    expect(membersAtIn(facts, 'GMS-MOU', '1993-09-30')).toEqual([]);
    expect(membersAtIn(facts, 'GMS-MOU', '1993-10-01')).toEqual(['CN-NNCC', 'TH-ONCB', 'XX-BACK', 'XX-LEFT']);
    expect(membersAtIn(facts, 'GMS-MOU', '1999-12-31')).toContain('XX-LEFT');
    expect(membersAtIn(facts, 'GMS-MOU', '2000-01-01')).not.toContain('XX-LEFT');
  });
  it('follows an agency that left and came back', () => {
    expect(membersAtIn(facts, 'GMS-MOU', '1997-01-01')).not.toContain('XX-BACK');
    expect(membersAtIn(facts, 'GMS-MOU', '1998-01-01')).toEqual([
      'CN-NNCC',
      'KH-GOV',
      'TH-ONCB',
      'XX-BACK',
      'XX-LEFT',
    ]);
  });
  it('returns members only, sorted, of the mechanism asked for, without retracted memberships', () => {
    expect(membersAtIn(facts, 'GMS-MOU', '2024-01-01')).toEqual(['CN-NNCC', 'KH-GOV', 'TH-ONCB', 'XX-BACK']);
    expect(membersAtIn(facts, 'OTHER', '2024-01-01')).toEqual(['CN-NNCC']);
  });
  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => membersAtIn(facts, 'GMS-MOU', '1993-10')).toThrow(/not a date/);
  });
  it('holdsOn treats left_on as exclusive', () => {
    expect(holdsOn({ joinedOn: '2000-01-01', leftOn: '2000-01-02' }, '2000-01-01')).toBe(true);
    expect(holdsOn({ joinedOn: '2000-01-01', leftOn: '2000-01-02' }, '2000-01-02')).toBe(false);
  });
});
