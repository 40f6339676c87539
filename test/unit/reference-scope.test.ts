import { describe, expect, it } from 'vitest';
import { languageTable } from '../../shared/languages/index.js';
import { ReferenceScopeRule } from '../../shared/numbering/reference-scope.js';
import { importText } from '../../shared/import/text/index.js';
import { scanReferences } from '../../shared/numbering/reference-link.js';

/** The verdict for the first `point … du décide` phrase of a French sentence. */
function verdict(sentence: string, phrase = /point \d+ du décide/u) {
  const match = phrase.exec(sentence)!;
  return new ReferenceScopeRule(languageTable('fr')).verdict(sentence, match.index, match.index + match[0].length);
}

describe('which reference phrases name this resolution’s items (issue 20)', () => {
  it.each([
    ['dont il est question au point 5 du décide, par l’intermédiaire:', 'this-resolution', null],
    ['conformément au point 7 du décide de la Résolution 140 (Rév. Bucarest, 2022);', 'other-text', 'names-text-after'],
    ['conformément au point 7 du décide selon lequel « l’UIT doit poursuivre ses travaux »;', 'other-text', 'introduces-quotation'],
    ['conformément au point 7 du décide selon lequel "l’UIT doit poursuivre";', 'other-text', 'introduces-quotation'],
    ['aux termes de la Résolution 140 (Rév. Bucarest, 2022), point 7 du décide, l’UIT agit;', 'other-text', 'names-text-before'],
    ['la Conférence a dit « que l’UIT agisse conformément au point 3 du décide » et', 'other-text', 'inside-quotation'],
    // A resolution named in an earlier clause says nothing of a later reference.
    ['que la Résolution 140 est importante; le point 2 du décide s’applique', 'this-resolution', null],
  ])('%s → %s', (sentence, scope, reason) => {
    expect(verdict(sentence)).toEqual({ scope, reason });
  });

  it('leaves the quote of Res 140 in Res 1332 as text and links the reference to its own décide 5', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = importText(readFileSync(new URL('../fixtures/council-res-1332-c24.txt', import.meta.url), 'utf8')).doc;
    const scanned = scanReferences(doc).map((s) => `${s.text.replace(/\u00a0/g, ' ')}|${s.outcome.kind}`);
    expect(scanned).toContain('point 7 du décide|other-text');
    let linked = 0;
    doc.descendants((node) => {
      if (node.type.name === 'cross_reference') linked += 1;
    });
    expect(linked).toBe(1);
  });
});
