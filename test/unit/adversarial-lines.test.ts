/**
 * The patterns that read untrusted text, each given a long adversarial line: a line of 80,000
 * characters built against the pattern must still be read right (the result is asserted, not the
 * time: a quadratic pattern would leave these tests running for minutes, past vitest's timeout).
 */
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../shared/errors/index.js';
import { splitLines } from '../../shared/import/text/lines.js';
import { ImportError } from '../../shared/import/index.js';

const N = 80_000;

describe('the text importer’s line reader on long adversarial lines', () => {
  it('keeps "[" followed by 80,000 spaces as text', () => {
    const { lines } = splitLines(`[${' '.repeat(N)}`);
    expect(lines[0]!.plain).toBe('[');
  });

  it('keeps 30,000 unterminated footnote bodies as text', () => {
    const { lines } = splitLines('[1:'.repeat(30_000));
    expect(lines[0]!.plain).toHaveLength(90_000);
  });

  it('still removes artifacts and takes a footnote body after 40,000 bracket pairs', () => {
    const { lines, warnings } = splitLines(`${'[]'.repeat(40_000)} texte[footnoteRef:1] fin [bookmark: _Ref1]  [1: La note.]`);
    expect(lines[0]!.runs.at(-2)).toEqual({ footnote: 'La note.' });
    expect(lines[0]!.plain).toBe(`${'[]'.repeat(40_000)} texte fin`);
    expect(warnings).toEqual([]);
  });

  it('drops a bookmark among 20,000 unterminated ones', () => {
    const { lines } = splitLines(`${'[bookmark:'.repeat(20_000)}x]y`);
    expect(lines[0]!.plain).toBe('y');
  });
});

describe('one-line messages from long adversarial text', () => {
  it('collapses 80,000 spaces between line breaks', () => {
    expect(oneLine(`a${' '.repeat(N)}\n${' '.repeat(N)}b`)).toBe('a b');
    expect(oneLine(`${' \n'.repeat(N)}x`)).toBe('x');
  });

  it('keeps an ImportError one line whatever it is given', () => {
    expect(new ImportError(`bad ${'\u0001 \r\n'.repeat(N)} end`).message).not.toMatch(/[\r\n]/);
  });
});
