/**
 * The document a "New resolution" starts from, in the user's language: number line, title, call,
 * one preamble and one operative section with an empty item each. Keywords and words come from the
 * language tables, so a translator's correction reaches the template too.
 */
import type { Node } from 'prosemirror-model';
import { languageTable, type LanguageCode } from '../shared/languages/index.js';
import { buildDoc } from '../shared/model/build.js';

export function newResolution(language: LanguageCode): Node {
  const table = languageTable(language);
  const preamble = table.keywords.find((k) => k.kind === 'preamble' && k.role === 'considering') ?? table.keywords.find((k) => k.kind === 'preamble');
  const operative = table.keywords.find((k) => k.kind === 'operative' && k.role === 'resolves') ?? table.keywords.find((k) => k.kind === 'operative');
  return buildDoc({
    language,
    blocks: [
      {
        resolution: {
          number: `${table.numberLineWords[0] ?? 'RESOLUTION'} `,
          title: '',
          call: '',
          sections: [
            { kind: 'preamble', keyword: preamble?.phrase ?? '', items: [''] },
            { kind: 'operative', keyword: operative?.phrase ?? '', items: [''] },
          ],
        },
      },
    ],
  });
}
