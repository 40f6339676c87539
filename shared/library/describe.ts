/**
 * What a library of texts in force knows of a text without reading it again: its number, the body
 * that adopted it (PP, Council, WTDC, WTSA, WRC), its version (`Rév. Kigali, 2022`, `C11, dernière
 * mod. C24`), its language and its title — read from the resolution's number line and call, in
 * any of the six languages.
 */
import type { Node } from 'prosemirror-model';
import { isLanguageCode, languageTable, type LanguageCode } from '../languages/index.js';
import { acceptedText, numberLineOf, resolutionNumberOf, resolutionsIn } from '../contribution/index.js';
import type { Body } from '../proposals/index.js';

export interface TextInForce {
  /** `1332`, `30`; null when the number line has none. */
  number: string | null;
  body: Body | null;
  /** The last parenthesis of the number line, without it: `Rév. Kigali, 2022`. */
  version: string;
  language: LanguageCode;
  title: string;
  /** The number line as it reads: what proposals name the text by. */
  numberLine: string;
}

/**
 * Words that name each body, in the six languages, as they appear in a call (`Le Conseil de l'UIT,`,
 * `La Conférence mondiale de développement des télécommunications (Kigali, 2022),`) or an adoption
 * line. Checked in this order: the conferences' names contain words (`télécommunications`) that a
 * looser pattern would take for another body.
 */
const BODY_WORDS: ReadonlyArray<readonly [Body, RegExp]> = [
  ['PP', /plénipotentiaires|plenipotentiary|plenipotenciarios|полномочных|المندوبين المفوضين|全权代表/iu],
  [
    'WTDC',
    /développement des télécommunications|development conference|desarrollo de las telecomunicaciones|развитию электросвязи|لتنمية الاتصالات|发展大会/iu,
  ],
  [
    'WTSA',
    /normalisation des télécommunications|standardization assembly|normalización de las telecomunicaciones|стандартизации электросвязи|لتقييس الاتصالات|标准化全会/iu,
  ],
  [
    'WRC',
    /conférence mondiale des radiocommunications|radiocommunication conference|conferencia mundial de radiocomunicaciones|конференция радиосвязи|للاتصالات الراديوية|无线电通信大会/iu,
  ],
  ['Council', /\bconseil\b|\bcouncil\b|\bconsejo\b|\bсовет|المجلس|理事会/iu],
];

/** A Council resolution's number line names its sessions: `(C11, dernière mod. C24)`. */
const COUNCIL_SESSIONS = /\(C\d{2}\b/u;

function childText(resolution: Node, type: string): string {
  let text = '';
  resolution.forEach((child) => {
    if (child.type.name === type) text = acceptedText(child);
  });
  return text;
}

export function bodyOf(numberLine: string, call: string, adoption: string): Body | null {
  for (const [body, words] of BODY_WORDS) if (words.test(call) || words.test(adoption)) return body;
  return COUNCIL_SESSIONS.test(numberLine) ? 'Council' : null;
}

/** The text in force a document holds (its first resolution), or null when it holds none. */
export function describeTextInForce(doc: Node): TextInForce | null {
  const resolution = resolutionsIn(doc)[0];
  const code = doc.attrs.language as unknown;
  if (!resolution || !isLanguageCode(code)) return null;
  const numberLine = numberLineOf(resolution);
  const version = /\(([^()]*)\)\s*$/u.exec(numberLine)?.[1]?.trim() ?? '';
  return {
    number: resolutionNumberOf(numberLine, languageTable(code)),
    body: bodyOf(numberLine, childText(resolution, 'call'), childText(resolution, 'adoption_line')),
    version,
    language: code,
    title: childText(resolution, 'resolution_title'),
    numberLine,
  };
}
