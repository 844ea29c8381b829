import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelopeLines, indexLine, pageLines } from './page-lines.js';

// A feed page with its envelopes travels as lines: the signed index text first, byte for byte, then one envelope a
// line. Reading it back gives exactly what was written, in any script; a broken line costs only its own envelope.

const index = JSON.stringify({
  origin: 'CN',
  to: 'MM',
  after: 0,
  entries: [{ pos: 1 }],
  head: 3,
  more: false,
});
const envelope = (n: number) =>
  JSON.stringify({
    id: `id-${n}`,
    payload: { subject: `缉毒 ${n}`, body: 'Сводка\nпо изъятиям', tab: '\t' },
  });

describe('feed page lines', () => {
  it('give back the index text exactly as signed and every envelope by its position', () => {
    const bytes = pageLines(
      index,
      [1, 2, 3].map((n) => ({ pos: n * 10, envelope: envelope(n) })),
    );
    const { text, envelopesFrom } = indexLine(bytes);
    expect(text).toBe(index);
    // The response signature is over the index text's SHA-256: the bytes before the first newline are exactly it.
    expect(
      createHash('sha256')
        .update(bytes.subarray(0, envelopesFrom - 1))
        .digest('hex'),
    ).toBe(createHash('sha256').update(index).digest('hex'));
    const byPos = envelopeLines(bytes, envelopesFrom);
    expect([...byPos.keys()]).toEqual([10, 20, 30]);
    expect(byPos.get(20)).toEqual(JSON.parse(envelope(2)));
    expect(bytes.toString('utf8').split('\n')).toHaveLength(5); // four lines and the final newline
  });

  it('pass over a line that is not an envelope line, and let the last of a repeated position win', () => {
    const lines = [
      index,
      `{"pos":1,"envelope":${envelope(1)}}`,
      '{"pos":2,"envelope":{"id":"cut off',
      'null',
      '{"pos":"3","envelope":{}}',
      `{"pos":1,"envelope":${envelope(4)}}`,
      '',
    ].join('\n');
    const bytes = Buffer.from(lines);
    const byPos = envelopeLines(bytes, indexLine(bytes).envelopesFrom);
    expect([...byPos.entries()]).toEqual([[1, JSON.parse(envelope(4))]]);
  });

  it('read a page of an index alone, without a newline, as the index with no envelopes', () => {
    const bytes = Buffer.from(index);
    const { text, envelopesFrom } = indexLine(bytes);
    expect(text).toBe(index);
    expect(envelopeLines(bytes, envelopesFrom).size).toBe(0);
  });

  it('read the lines from a plain Uint8Array as the verification thread receives them', () => {
    const buffer = pageLines(index, [{ pos: 7, envelope: envelope(7) }]);
    const copy = new Uint8Array(buffer); // what a structured clone gives the thread
    expect(envelopeLines(copy, indexLine(copy).envelopesFrom).get(7)).toEqual(JSON.parse(envelope(7)));
  });
});
