/**
 * Documents for the Word export tests. Until the text importer lands they are built with
 * shared/model/build.ts from the real fixture texts' structure; the tracked revision of Res 1332
 * imitates Council document C26/93 (number line C24 → C26, an inserted preamble item that shifts
 * the labels after it, a deleted item, a footnote with a change) by setting marks and attrs directly.
 */
import type { Node } from 'prosemirror-model';
import { languageTable } from '../../shared/languages/index.js';
import { buildDoc } from '../../shared/model/index.js';
import { schema, type BlockChange } from '../../shared/schema/index.js';

export const AUTHOR_RU = 'Fédération de Russie';
export const AUTHOR_SEC = 'Secrétariat';
export const DATE = '2026-04-14T09:00:00Z';

let changeCounter = 0;
export function change(kind: BlockChange['kind'], author = AUTHOR_RU, date = DATE): BlockChange {
  changeCounter += 1;
  return { kind, id: `chg-${changeCounter}`, author, date };
}

/**
 * The section keyword of a role in the document's language (with its punctuation: Russian
 * `учитывая,`), so that the other languages render their own script; French keeps the fixture's text.
 */
function keyword(language: string, role: string, french: string): string {
  if (language === 'fr') return french;
  const table = languageTable(language);
  const entry = table.keywords.find((k) => k.role === role);
  if (!entry) throw new Error(`fixture: no ${role} keyword in ${language}`);
  return `${entry.phrase}${table.keywordPunctuation}`;
}

/** Resolution 1332 as in force (a faithful subset of council-res-1332-c24.txt, its hard cases included). */
export function resolution1332(language = 'fr'): Node {
  return buildDoc({
    language,
    blocks: [
      {
        resolution: {
          number: 'RÉSOLUTION 1332 (C11, dernière mod. C24)',
          adoption: '(adoptée à la onzième séance plénière)',
          title: "Rôle de l'UIT dans la mise en œuvre des résultats du SMSI et du Programme de développement durable à l'horizon 2030",
          call: "Le Conseil de l'UIT,",
          sections: [
            {
              kind: 'preamble',
              keyword: keyword(language, 'recalling', 'rappelant'),
              items: [
                "la Résolution 140 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires sur le rôle de l'UIT dans la mise en œuvre des résultats du Sommet mondial sur la société de l'information;",
                "la Résolution 70 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires sur l'intégration du principe de l'égalité hommes/femmes;",
                'la Résolution 102 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires;',
                {
                  text: [
                    "la Résolution 70/125 de l'Assemblée générale des Nations Unies",
                    { footnote: "Document final de la réunion de haut niveau de l'Assemblée générale sur l'examen d'ensemble." },
                    ';',
                  ],
                },
                'la Résolution 70/1, "Transformer notre monde: le Programme de développement durable à l\'horizon 2030",',
              ],
            },
            {
              kind: 'preamble',
              keyword: keyword(language, 'considering', 'considérant'),
              items: [
                "que l'UIT a un rôle déterminant à jouer pour inscrire l'édification de la société de l'information dans une perspective mondiale;",
                {
                  text: "que, aux termes de la Résolution 140 (Rév. Bucarest, 2022), l'UIT doit soumettre à la Conférence de plénipotentiaires un rapport;",
                  children: [
                    {
                      continuation:
                        'permettre aux membres de fournir des contributions et de donner des orientations sur la mise en œuvre;',
                    },
                    { continuation: 'le Conseil a également été prié:' },
                    {
                      style: 'roman',
                      items: [
                        "de superviser, d'examiner et d'étudier la mise en œuvre par l'UIT des résultats du SMSI;",
                        {
                          text: "d'examiner et d'améliorer, par l'intermédiaire du GTC-SMSI/ODD:",
                          children: [
                            {
                              style: 'dash',
                              items: [
                                "les activités de l'UIT relatives à la mise en œuvre des résultats du SMSI;",
                                'les règles et les lignes directrices relatives aux Prix du SMSI;',
                              ],
                            },
                          ],
                        },
                      ],
                    },
                    { continuation: "et les membres de l'UIT sont invités:" },
                    { continuation: 'à prendre une part active à la mise en œuvre des résultats du SMSI,', indent: 2 },
                  ],
                },
              ],
            },
            {
              kind: 'operative',
              keyword: keyword(language, 'resolves', 'décide'),
              items: [
                "que l'UIT doit jouer le rôle de coordonnateur principal dans le processus de mise en œuvre des résultats du SMSI;",
                {
                  text: "d'utiliser le cadre du SMSI comme base pour la contribution que l'UIT apporte, notamment en:",
                  children: [
                    {
                      style: 'alpha-dot',
                      items: [
                        'actualisant ses feuilles de route sur les grandes orientations C2, C4, C5 et C6 du SMSI;',
                        'contribuant aux feuilles de route sur les grandes orientations C1, C3, C7;',
                      ],
                    },
                  ],
                },
                'que le Groupe de travail du Conseil sur le SMSI et les ODD devra poursuivre ses travaux selon le mandat présenté en Annexe;',
                "d'inviter les membres et les autres parties prenantes à faire connaître leurs points de vue sur l'examen du SMSI+20;",
              ],
            },
            {
              kind: 'operative',
              keyword: keyword(language, 'instructs', 'charge le Secrétaire général'),
              items: [
                "de mettre à jour régulièrement les feuilles de route relatives aux activités de l'UIT;",
                'de faire rapport chaque année au Conseil économique et social sur les progrès accomplis;',
                "de soumettre au Conseil à sa session de 2025 des rapports sur la mise en œuvre par l'UIT des résultats du SMSI.",
              ],
            },
          ],
          annexes: [
            {
              heading: 'ANNEXE',
              title: 'Mandat du Groupe de travail du Conseil sur le SMSI et les ODD',
              blocks: [
                {
                  list: {
                    style: 'alpha',
                    items: [
                      "permettre aux membres de fournir des contributions sur la mise en œuvre par l'UIT des résultats pertinents du SMSI;",
                      "superviser, examiner et étudier la mise en œuvre par l'UIT des résultats du SMSI;",
                      "suivre les mesures prises par l'UIT dans le domaine de l'intelligence artificielle.",
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
    ],
  });
}

// --- A tracked revision, like the annex of C26/93 ---------------------------------------------------

interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/**
 * Text pieces: plain, inserted (`{ ins }`), deleted (`{ del }`), or inserted by one author and then
 * deleted by another (`{ insDel, author, deletedBy }`); each piece its own change.
 */
export type Piece =
  string | { ins: string; author?: string } | { del: string; author?: string } | { insDel: string; author: string; deletedBy: string };

function markJson(kind: BlockChange['kind'], author?: string) {
  const { id, author: by, date } = change(kind, author);
  return { type: kind, attrs: { id, author: by, date } };
}

function textJson(pieces: Piece[]): NodeJson[] {
  return pieces.map((piece) => {
    if (typeof piece === 'string') return { type: 'text', text: piece };
    if ('insDel' in piece)
      return { type: 'text', text: piece.insDel, marks: [markJson('insertion', piece.author), markJson('deletion', piece.deletedBy)] };
    if ('ins' in piece) return { type: 'text', text: piece.ins, marks: [markJson('insertion', piece.author)] };
    return { type: 'text', text: piece.del, marks: [markJson('deletion', piece.author)] };
  });
}

function walk(node: NodeJson, visit: (node: NodeJson, parent: NodeJson | null) => void, parent: NodeJson | null = null): void {
  visit(node, parent);
  for (const child of node.content ?? []) walk(child, visit, node);
}

function find(root: NodeJson, test: (node: NodeJson) => boolean): NodeJson {
  let found: NodeJson | undefined;
  walk(root, (node) => {
    if (!found && test(node)) found = node;
  });
  if (!found) throw new Error('fixture: node not found');
  return found;
}

const textOf = (node: NodeJson): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

/** The resolution's sections in order: 0 rappelant, 1 considérant, 2 décide, 3 charge le Secrétaire général. */
function sectionJson(root: NodeJson, index: number): NodeJson {
  const sections: NodeJson[] = [];
  walk(root, (node) => {
    if (node.type === 'section') sections.push(node);
  });
  return sections[index]!;
}

function itemsOf(section: NodeJson): NodeJson[] {
  return section.content![1]!.content!;
}

let idCounter = 0;
function freshItem(text: string, itemChange: BlockChange): NodeJson {
  idCounter += 1;
  return {
    type: 'item',
    attrs: { id: `fixture-item-${idCounter}`, change: itemChange },
    content: [
      { type: 'item_text', attrs: { id: `fixture-text-${idCounter}`, change: null, paragraphMark: null }, content: textJson([text]) },
    ],
  };
}

/**
 * Resolution 1332 revised as in C26/93: the number line `C24` deleted and `C26` inserted; in
 * rappelant a new item inserted after b) (c) → d) … renumbered); `70/125` → `80/173` with a change
 * inside its footnote; an item of `charge le Secrétaire général` deleted (3 → 2); a tracked split
 * (an inserted paragraph mark) in considérant a); a deleted word by a second author; in décide a
 * phrase and a whole item inserted by one author and deleted again by the other; a cross-reference
 * to the renumbered rappelant c) → d); a tracked join (a deleted paragraph mark) in considérant b).
 */
export function revised1332(language = 'fr', options: { withdrawnItem?: boolean } = {}): Node {
  const json = resolution1332(language).toJSON() as NodeJson;
  const numberLine = find(json, (n) => n.type === 'number_line');
  numberLine.content = textJson(['RÉSOLUTION 1332 (C11, dernière mod. ', { del: 'C24' }, { ins: 'C26' }, ')']);

  const rappelant = itemsOf(sectionJson(json, 0));
  rappelant.splice(
    2,
    0,
    freshItem(
      "la Résolution 80/173 de l'Assemblée générale des Nations Unies relative à l'examen d'ensemble de la mise en œuvre des résultats du SMSI;",
      change('insertion'),
    ),
  );
  const withFootnote = find(json, (n) => n.type === 'item_text' && textOf(n).includes('70/125'));
  const footnote = withFootnote.content!.find((n) => n.type === 'footnote')!;
  withFootnote.content = [
    ...textJson(['la Résolution ', { del: '70/125' }, { ins: '80/173' }, " de l'Assemblée générale des Nations Unies"]),
    {
      ...footnote,
      content: textJson([
        "Document final de la réunion de haut niveau de l'Assemblée générale",
        { ins: ' sur le SMSI+20' },
        " sur l'examen d'ensemble.",
      ]),
    },
    ...textJson([';']),
  ];

  const considerantA = itemsOf(sectionJson(json, 1))[0]!;
  const firstText = considerantA.content![0]!;
  // The split point keeps its space at the end of the first part, as Word does.
  firstText.content = textJson(["que l'UIT a un rôle déterminant à jouer "]);
  firstText.attrs = { ...firstText.attrs, paragraphMark: change('insertion', AUTHOR_SEC) };
  considerantA.content!.push({
    type: 'continuation',
    attrs: { id: 'fixture-split', change: null, paragraphMark: null, indent: 1 },
    content: textJson([
      "pour inscrire l'édification de la société de l'information dans une perspective ",
      { del: 'mondiale', author: AUTHOR_SEC },
      ';',
    ]),
  });

  // Another author's pending changes, deleted again by the secretariat: a phrase, and a whole item.
  const decide = itemsOf(sectionJson(json, 2));
  const decideFirst = decide[0]!.content![0]!;
  decideFirst.content = textJson([
    "que l'UIT doit jouer le rôle de coordonnateur principal ",
    { insDel: 'et unique ', author: AUTHOR_RU, deletedBy: AUTHOR_SEC },
    'dans le processus de mise en œuvre des résultats du SMSI;',
  ]);
  if (options.withdrawnItem ?? true) {
    const withdrawn = freshItem("de créer un groupe d'experts sur le SMSI+20;", change('insertion'));
    withdrawn.attrs = { ...withdrawn.attrs, deletion: change('deletion', AUTHOR_SEC) };
    decide.splice(1, 0, withdrawn);
  }

  // A cross-reference to rappelant c), which the inserted item renumbers d): its text is tracked too.
  const resolution102 = rappelant[3]!;
  // A tracked join: the paragraph mark between two continuations of considérant b) deleted.
  const considerantB = itemsOf(sectionJson(json, 1))[1]!;
  const joined = considerantB.content!.find((n) => n.type === 'continuation')!;
  joined.attrs = { ...joined.attrs, paragraphMark: change('deletion', AUTHOR_SEC) };
  // The joined text keeps a space at the seam, as a join typed in Word does.
  joined.content = textJson(['permettre aux membres de fournir des contributions et de donner des orientations sur la mise en œuvre; ']);

  const chargeSg = itemsOf(sectionJson(json, 3));
  const lastText = chargeSg[2]!.content![0]!;
  lastText.content = [
    ...textJson(["de soumettre au Conseil, compte tenu de l'alinéa "]),
    {
      type: 'cross_reference',
      attrs: { id: 'fixture-xref', target: resolution102.attrs!.id, form: 'preamble-item', above: true, sectionRole: 'recalling' },
    },
    ...textJson([", des rapports sur la mise en œuvre par l'UIT des résultats du SMSI."]),
  ];
  chargeSg[1]!.attrs = { ...chargeSg[1]!.attrs, change: change('deletion') };

  const doc = schema.nodeFromJSON(json);
  doc.check();
  return doc;
}

/** A Council contribution: the cover of C26/93 and its body, with the revised resolution in an annex. */
export function contributionC26_93(language = 'fr'): Node {
  const cover = buildDoc({
    language,
    cover: {
      session: 'Conseil 2026',
      placeAndDates: 'Genève, 9-19 juin 2026',
      agendaItem: 'PL 2',
      documentNumber: 'C26/93',
      date: '14 avril 2026',
      originalLanguage: 'russe',
      source: 'Contribution de la Fédération de Russie',
      title:
        "PROJET DE RÉVISION DE LA RÉSOLUTION 1332 DU CONSEIL SUR LE RÔLE DE L'UIT DANS LA MISE EN ŒUVRE DES RÉSULTATS DU SMSI ET DU PROGRAMME DE DÉVELOPPEMENT DURABLE À L'HORIZON 2030",
      purpose:
        "La présente contribution contient un projet de révision de la Résolution 1332 du Conseil sur le rôle de l'UIT dans la mise en œuvre des résultats du SMSI, compte tenu de la Résolution 80/173 de l'Assemblée générale des Nations Unies.",
      actionRequired: 'Le Conseil est invité à examiner la présente contribution et à prendre les mesures appropriées.',
      references: "Résolutions 80/173 et 80/118 de l'Assemblée générale des Nations Unies; Documents C26/59 et C26/60 du Conseil",
    },
    blocks: [
      { heading: 'Introduction', numbering: 'roman' },
      {
        paragraph:
          "À la réunion de janvier 2026 du Groupe de travail du Conseil sur le SMSI et les ODD (GTC‑SMSI/ODD), il a été décidé de reporter l'examen de la proposition de la Russie visant à réviser la Résolution 1332 du Conseil.",
      },
      { paragraph: 'Le secrétariat a présenté les Documents С26/59 et С26/60' },
      { heading: 'Proposition', numbering: 'roman' },
      {
        numbered:
          "Examiner un projet de révision de la Résolution 1332 (C11, dernière mod. C24) sur le rôle de l'UIT dans la mise en œuvre des résultats du SMSI.",
      },
      {
        numbered:
          'Sur la base de la révision de la Résolution 140 par la PP-26, il est proposé que toute proposition de révision ultérieure soit élaborée à la session de 2027 du Conseil.',
      },
    ],
  }).toJSON() as NodeJson;
  const resolution = revised1332(language).toJSON() as NodeJson;
  cover.content!.push({
    type: 'annex',
    attrs: { id: 'fixture-annex', change: null },
    content: [
      { type: 'annex_heading', attrs: { id: 'fixture-annex-heading', change: null, paragraphMark: null }, content: textJson(['ANNEXE']) },
      ...resolution.content!,
    ],
  });
  const doc = schema.nodeFromJSON(cover);
  doc.check();
  return doc;
}
