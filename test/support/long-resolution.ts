/**
 * A long resolution for the benchmarks and the long-document end-to-end test: ten sections of ninety
 * items (every ninth with two sub-items, every twentieth with a footnote), 1,100 items in all.
 * Item n's text holds "numéro n", so a test can find one item and no other.
 */
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../../shared/model/index.js';
import type { ItemSpec, SectionSpec } from '../../shared/model/build.js';

const SECTIONS = 10;
const ITEMS_PER_SECTION = 90;
const SUB_ITEMS_EVERY = 9;
const FOOTNOTE_EVERY = 20;
export const sentence = (n: number) =>
  `que l'UIT doit poursuivre ses travaux numéro ${n} sur la mise en œuvre des résultats du SMSI et du Programme de développement durable à l'horizon 2030, en coordination avec les États Membres;`;

/** 10 sections × 90 items, each ninth with two sub-items: 1,100 items. */
export function longResolution(): Node {
  const sections: SectionSpec[] = [];
  for (let s = 0; s < SECTIONS; s++) {
    const items: ItemSpec[] = [];
    for (let i = 0; i < ITEMS_PER_SECTION; i++) {
      const n = s * ITEMS_PER_SECTION + i;
      const text = n % FOOTNOTE_EVERY === 0 ? [sentence(n), { footnote: `Voir la Résolution ${n} (Rév. Bucarest, 2022).` }] : sentence(n);
      const children = i % SUB_ITEMS_EVERY === 0 ? [{ style: 'roman' as const, items: [sentence(n * 10 + 1), sentence(n * 10 + 2)] }] : [];
      items.push({ text, children });
    }
    const preamble = s < SECTIONS / 2;
    sections.push({ kind: preamble ? 'preamble' : 'operative', keyword: preamble ? 'considérant' : 'décide', items });
  }
  return buildDoc({
    language: 'fr',
    blocks: [
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          adoption: '(adoptée à la onzième séance plénière)',
          title: "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI",
          call: "Le Conseil de l'UIT,",
          sections,
        },
      },
    ],
  });
}

export function countItems(doc: Node): number {
  let count = 0;
  doc.descendants((node) => {
    if (node.type.name === 'item') count++;
    return !node.isTextblock;
  });
  return count;
}
