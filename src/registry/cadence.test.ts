import { describe, expect, it } from 'vitest';
import { type Cadence, type KnownMeeting, projectCadence, projectedMeetings } from './cadence.js';
import { addMonths } from './rules.js';

const ministerial: Cadence = { level: 'ministerial', everyMonths: 24 };
const held = (startsOn: string, level: KnownMeeting['level'] = 'ministerial'): KnownMeeting => ({
  level,
  startsOn,
  status: 'held',
});

describe('projectCadence', () => {
  it('counts on from the last meeting of the same level', () => {
    const out = projectCadence(
      ministerial,
      [held('1995-05-01'), held('1999-05-01'), held('1996-01-01', 'senior_officials')],
      '2000-01-01',
      3,
    );
    expect(out.map((p) => p.on)).toEqual(['2001-05-01', '2003-05-01', '2005-05-01']);
    expect(out[0]).toMatchObject({ basis: '1999-05-01', basisKind: 'last-meeting', level: 'ministerial' });
  });

  it('starts with the anchor itself when no meeting is recorded', () => {
    expect(
      projectCadence({ ...ministerial, since: '2010-03-31' }, [], '2010-01-01', 2).map((p) => p.on),
    ).toEqual(['2010-03-31', '2012-03-31']);
  });

  it('projects nothing without a meeting or an anchor', () => {
    expect(projectCadence(ministerial, [], '2020-01-01', 3)).toEqual([]);
  });

  it('ignores cancelled meetings and counts from a planned one', () => {
    const meetings: KnownMeeting[] = [
      held('2001-01-01'),
      { level: 'ministerial', startsOn: '2003-01-01', status: 'cancelled' },
    ];
    expect(projectCadence(ministerial, meetings, '2002-01-01', 1)[0]?.on).toBe('2003-01-01');
    const planned: KnownMeeting[] = [
      held('2001-01-01'),
      { level: 'ministerial', startsOn: '2003-02-01', status: 'planned' },
    ];
    expect(projectCadence(ministerial, planned, '2002-01-01', 1)[0]?.on).toBe('2005-02-01');
  });

  it('stops before the mechanism is dissolved', () => {
    expect(
      projectCadence(ministerial, [held('2000-01-01')], '2000-01-01', 10, '2006-01-01').map((p) => p.on),
    ).toEqual(['2002-01-01', '2004-01-01']);
  });

  it('keeps working groups apart', () => {
    const wg: Cadence = { level: 'working_group', everyMonths: 12, workingGroup: 'law-enforcement' };
    const meetings: KnownMeeting[] = [
      { level: 'working_group', workingGroup: 'law-enforcement', startsOn: '2010-06-01', status: 'held' },
      { level: 'working_group', workingGroup: 'demand-reduction', startsOn: '2012-06-01', status: 'held' },
    ];
    expect(projectCadence(wg, meetings, '2011-01-01', 1)[0]?.on).toBe('2011-06-01');
  });

  it('jumps decades ahead to the same dates as stepping one period at a time', () => {
    for (const every of [1, 5, 12, 24, 60]) {
      const start = '1993-10-31';
      const naive: string[] = [];
      for (let k = 1; naive.length < 4; k++) {
        const on = addMonths(start, k * every);
        if (on >= '2026-11-23') naive.push(on);
      }
      const fast = projectCadence(
        { level: 'ministerial', everyMonths: every },
        [held(start)],
        '2026-11-23',
        4,
      ).map((p) => p.on);
      expect(fast).toEqual(naive);
    }
  });

  it('refuses a cadence that is not a whole number of months', () => {
    expect(() => projectCadence({ level: 'ministerial', everyMonths: 0 }, [], '2020-01-01', 1)).toThrow(
      /at least 1/,
    );
  });
});

describe('projectedMeetings', () => {
  it('lists projections of several mechanisms inside the window, earliest first', () => {
    const out = projectedMeetings(
      [
        {
          code: 'GMS-MOU',
          dissolvedOn: null,
          meetings: [held('1995-05-01')],
          cadences: [ministerial, { level: 'senior_officials', everyMonths: 12 }],
        },
        {
          code: 'ACCORD',
          dissolvedOn: null,
          meetings: [{ level: 'ministerial', startsOn: '2005-10-01', status: 'planned' }],
          cadences: [{ level: 'ministerial', everyMonths: 60 }],
        },
      ],
      '2025-01-01',
      '2027-12-31',
    );
    expect(out.map((p) => `${p.on} ${p.mechanism} ${p.level}`)).toEqual([
      '2025-05-01 GMS-MOU ministerial',
      '2025-10-01 ACCORD ministerial',
      '2027-05-01 GMS-MOU ministerial',
    ]);
  });
});
