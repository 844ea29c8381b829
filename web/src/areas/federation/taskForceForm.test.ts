import { describe, expect, it } from 'vitest';
import { attachmentName, exportedFacts, fileSize } from './bundleFile';
import { taskForceBody, taskForceDraft, taskForceErrors, taskForceProblems } from './taskForceForm';

const draft = {
  code: 'TF-MEKONG',
  name: ' Mekong task force ',
  members: [
    { agency: ' mm-ccdac', joinedOn: '2024-05-01', leftOn: '' },
    { agency: 'TH-ONCB', joinedOn: '2024-05-01', leftOn: '2024-04-30' },
  ],
};

describe('task force form', () => {
  it('fills from a task force and back into the body the node takes', () => {
    const tf = { code: 'TF', name: 'T', members: [{ agency: 'MM', joinedOn: '2024-01-01', leftOn: null }] };
    expect(taskForceDraft(tf).members[0]).toEqual({ agency: 'MM', joinedOn: '2024-01-01', leftOn: '' });
    expect(taskForceBody(taskForceDraft(tf))).toEqual({ name: 'T', members: tf.members });
    expect(taskForceBody(draft)).toEqual({
      name: 'Mekong task force',
      members: [
        { agency: 'MM-CCDAC', joinedOn: '2024-05-01', leftOn: null },
        { agency: 'TH-ONCB', joinedOn: '2024-05-01', leftOn: '2024-04-30' },
      ],
    });
  });

  it('finds a leave date not after the join date and a repeated membership, at their fields', () => {
    expect(taskForceProblems(draft)).toEqual([
      {
        path: '/body/members/1/leftOn',
        message: 'leave date 2024-04-30 is not after the join date 2024-05-01',
      },
    ]);
    const twice = { ...draft, members: [draft.members[0]!, { ...draft.members[0]!, agency: 'MM-CCDAC' }] };
    expect(taskForceProblems(twice)).toEqual([
      { path: '/body/members/1/joinedOn', message: 'is already a membership of this agency' },
    ]);
    expect(taskForceProblems(taskForceDraft())).toEqual([]);
  });

  it("places the node's errors at the fields they name, the code's path parameter included", () => {
    const problem = {
      title: 'Invalid request',
      status: 400,
      errors: [
        { path: '/path/code', message: 'must match pattern "^[A-Z0-9][A-Z0-9-]{1,31}$"' },
        { path: '/body/members/1/agency', message: 'must match pattern' },
        { path: '/body/name', message: 'must NOT have fewer than 1 characters' },
        { path: '/body', message: 'is not valid JSON' },
      ],
    };
    expect(taskForceErrors(problem, draft)).toEqual({
      code: ['must match pattern "^[A-Z0-9][A-Z0-9-]{1,31}$"'],
      'members/1/agency': ['must match pattern'],
      name: ['must NOT have fewer than 1 characters'],
      '': ['is not valid JSON'],
    });
    expect(taskForceErrors(undefined, draft)).toEqual({});
  });
});

describe('bundle files', () => {
  it('take the name the node gives the download', () => {
    expect(attachmentName('attachment; filename="liaison-CN-to-MM.json"', 'x.json')).toBe(
      'liaison-CN-to-MM.json',
    );
    expect(attachmentName(null, 'x.json')).toBe('x.json');
  });

  it("say what an export holds from the node's headers, encrypted or not", () => {
    const headers = new Headers({
      'liaison-bundle-count': '6',
      'liaison-bundle-after': '3',
      'liaison-bundle-until': '9',
      'liaison-bundle-encrypted': 'true',
    });
    expect(exportedFacts(headers, 'MM')).toEqual({ encrypted: true, to: 'MM', after: 3, until: 9, count: 6 });
    headers.set('liaison-bundle-until', 'nine');
    expect(exportedFacts(headers, 'MM')?.until).toBeNull();
    expect(exportedFacts(new Headers(), 'MM')).toBeNull();
  });

  it('write sizes in binary units', () => {
    const n = (v: number) => String(v);
    expect(fileSize(900, n)).toBe('900 B');
    expect(fileSize(1536, n)).toBe('1.5 KiB');
    expect(fileSize(600 * 1024 * 1024, n)).toBe('600 MiB');
  });
});
