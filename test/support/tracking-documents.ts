/**
 * Documents the tracking tests edit: a small resolution holding every structure the tracker must
 * handle (sections, items, continuations, sub-lists, a footnote, an annex).
 */
import type { Node } from 'prosemirror-model';
import { buildDoc } from '../../shared/model/index.js';
import { fixtureDocument } from './fixtures.js';

export function smallResolution(): Node {
  return buildDoc({
    blocks: [
      { paragraph: 'Introduction' },
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          adoption: '(adoptée à la onzième séance plénière)',
          title: "Rôle de l'UIT",
          call: "Le Conseil de l'UIT,",
          sections: [
            {
              kind: 'preamble',
              keyword: 'rappelant',
              items: ['la Résolution 70/125;', { text: ['les résultats', { footnote: 'Note' }, ' du SMSI,'] }],
            },
            {
              kind: 'preamble',
              keyword: 'considérant',
              items: [
                { text: 'que le SMSI:', children: [{ style: 'roman', items: ['premier;', 'second;'] }, { continuation: 'et encore' }] },
                'dernier,',
              ],
            },
            {
              kind: 'operative',
              keyword: 'décide',
              items: ['un;', { text: 'deux:', children: [{ style: 'alpha-dot', items: ['a;', 'b.'] }] }, 'trois.'],
            },
          ],
          annexes: [{ heading: 'ANNEXE', title: 'Liste', blocks: [{ paragraph: "Texte de l'annexe" }] }],
        },
      },
    ],
  });
}

export function trackingDocuments(): Array<{ name: string; doc: Node }> {
  return [
    { name: 'a small resolution', doc: smallResolution() },
    { name: 'Resolution 1332 (fixture)', doc: fixtureDocument('council-res-1332-c24.txt') },
    { name: 'Resolution 30 (fixture)', doc: fixtureDocument('wtdc-res-30-kigali-2022.txt') },
  ];
}
