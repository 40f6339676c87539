/**
 * The fixed wording of a resolution in another language, from the language tables: the keyword
 * that opens a section (`considérant` → `considering`, by the role both tables give it), the call
 * (`Le Conseil de l'UIT,` → `The ITU Council,`), the word of the number line and of the annex
 * heading, and phrases such as `dernière mod.` (`last amended`). What the tables do not know (an
 * addressee after the keyword, an adoption line) stays as written and is reported, so that a
 * translator sees what is left in the old language.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { foldText, languageTable, matchKeyword, numberLineOpening, type LanguageCode, type LanguageTable } from '../languages/index.js';
import { UNTRACKED_META } from '../tracking/index.js';

export interface LineTranslation {
  /** The line in the target language as far as the tables go. */
  text: string;
  /** What the tables could not translate (an addressee, a whole line), or null when nothing is left. */
  untranslated: string | null;
}

/** Textblocks whose wording is fixed by the tables, wholly or in part. */
export const FIXED_LINES = ['section_keyword', 'call', 'adoption_line', 'number_line', 'annex_heading'] as const;
type FixedLine = (typeof FIXED_LINES)[number];

export function isFixedLine(type: string): type is FixedLine {
  return (FIXED_LINES as readonly string[]).includes(type);
}

function phraseOfRole(table: LanguageTable, role: string): string | null {
  return table.phrases.find((entry) => entry.role === role)?.phrase ?? null;
}

/** The section keyword line in `to`: the keyword by its role, the rest as written. */
function keywordLine(text: string, from: LanguageTable, to: LanguageTable): LineTranslation {
  const match = matchKeyword(text, [from.code]);
  const target = match ? to.keywords.find((entry) => entry.role === match.entry.role) : undefined;
  if (!match || !target) return { text, untranslated: text.trim() || null };
  const folded = foldText(match.entry.phrase);
  // The phrase as written spans as many characters as the table's phrase, modulo spaces folded.
  let end = 0;
  while (end < text.length && foldText(text.slice(0, end)).length < folded.length) end++;
  const rest = text
    .slice(end)
    .replace(new RegExp(`${escape(from.keywordPunctuation)}\\s*$`, 'u'), '')
    .trim();
  const joined = rest ? `${target.phrase} ${rest}` : target.phrase;
  return { text: `${joined}${to.keywordPunctuation}`, untranslated: rest || null };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The call or the adoption line: a whole phrase of the tables (`Le Conseil de l'UIT,`). */
function callLine(text: string, from: LanguageTable, to: LanguageTable): LineTranslation {
  const entry = from.phrases.find((phrase) => foldText(phrase.phrase) === foldText(text));
  const target = entry ? phraseOfRole(to, entry.role) : null;
  return target ? { text: target, untranslated: null } : { text, untranslated: text.trim() || null };
}

/** A leading word of the tables (`RÉSOLUTION`, `ANNEXE`) and the table's phrases found inside. */
function leadingWordLine(
  text: string,
  words: readonly string[],
  targetWord: string | undefined,
  from: LanguageTable,
  to: LanguageTable,
): LineTranslation {
  let out = text;
  const lead = words.find((word) => out.toLocaleUpperCase().startsWith(word.toLocaleUpperCase()));
  if (lead && targetWord) out = targetWord + out.slice(lead.length);
  for (const entry of from.phrases) {
    const target = phraseOfRole(to, entry.role);
    if (target && out.includes(entry.phrase)) out = out.replace(entry.phrase, target);
  }
  // Whatever still reads as words (not numbers, punctuation or the words replaced) is left to translate.
  const rest = out
    .replace(targetWord ?? '', '')
    .replace(/[\p{N}\p{P}\p{S}\s]+/gu, ' ')
    .split(' ')
    .filter((word) => /\p{L}{2,}/u.test(word) && !to.phrases.some((entry) => entry.phrase.includes(word)));
  return {
    text: out,
    untranslated: lead && rest.length === 0 ? null : rest.length > 0 ? rest.join(' ') : lead ? null : text.trim() || null,
  };
}

/** The words of a line the tables do not know (not numbers, punctuation or the target's own phrases). */
function wordsLeft(text: string, to: LanguageTable): string[] {
  return to.phrases
    .reduce((rest, entry) => rest.split(entry.phrase).join(' '), text)
    .replace(/[\p{N}\p{P}\p{S}\s]+/gu, ' ')
    .split(' ')
    .filter((word) => /\p{L}{2,}/u.test(word) && !to.phrases.some((entry) => entry.phrase.includes(word)));
}

/**
 * Text in `to`'s punctuation: `from`'s own marks back to ASCII, then `to`'s (`(C11, …)` →
 * `（C11，…）`), with the spaces each writes beside them (none beside Chinese full-width marks).
 */
export function punctuateIn(text: string, from: LanguageTable, to: LanguageTable): string {
  const ascii = new Map(Object.entries(from.punctuation.marks).map(([plain, own]) => [own, plain]));
  let out = [...text].map((char) => ascii.get(char) ?? char).join('');
  if (!from.punctuation.spaced && to.punctuation.spaced) {
    out = out.replace(/([,;:])(?=\S)/gu, '$1 ').replace(/(?<=\S)\(/gu, ' (');
  }
  out = [...out].map((char) => to.punctuation.marks[char] ?? char).join('');
  if (!to.punctuation.spaced) {
    const marks = Object.values(to.punctuation.marks).map(escape).join('');
    if (marks) out = out.replace(new RegExp(`\\s*([${marks}])\\s*`, 'gu'), '$1');
  }
  return out;
}

/**
 * The number line in `to`: its opening in `to`'s form (`RÉSOLUTION 1332` → `第1332号决议`), the
 * tables' phrases (`dernière mod.` → `最后修订`) and `to`'s punctuation.
 */
function numberLine(text: string, from: LanguageTable, to: LanguageTable): LineTranslation {
  const head = numberLineOpening(from).exec(text);
  if (!head) return leadingWordLine(text, from.numberLineWords, to.numberLineWords[0], from, to);
  const word = to.numberLineWords[0] ?? '';
  let rest = text.slice(head[0].length);
  for (const entry of from.phrases) {
    const target = phraseOfRole(to, entry.role);
    if (target && rest.includes(entry.phrase)) rest = rest.replace(entry.phrase, to.punctuation.spaced ? target : target.trim());
  }
  // Chinese writes a phrase against the number it governs (`最后修订C24`); other languages space them.
  if (to.punctuation.spaced && !from.punctuation.spaced) {
    for (const entry of to.phrases) rest = rest.replace(new RegExp(`${escape(entry.phrase)}(?=[\\p{L}\\p{N}])`, 'u'), `${entry.phrase} `);
  }
  if (!to.punctuation.spaced)
    rest = rest.replace(/(?<=[\p{Script=Han}])\s+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])\s+(?=[\p{Script=Han}])/gu, '');
  const opening = to.numberLineForm.replace('{word}', word).replace('{number}', head[1] ?? '');
  const out = punctuateIn(opening + rest, from, to);
  const left = wordsLeft(rest, to);
  return { text: out, untranslated: left.length > 0 ? left.join(' ') : null };
}

/** One fixed line (`type` one of FIXED_LINES) from `from` into `to`. */
export function translateLine(type: FixedLine, text: string, from: LanguageCode, to: LanguageCode): LineTranslation {
  const source = languageTable(from);
  const target = languageTable(to);
  if (from === to) return { text, untranslated: null };
  switch (type) {
    case 'section_keyword':
      return keywordLine(text, source, target);
    case 'call':
    case 'adoption_line':
      return callLine(text, source, target);
    case 'number_line':
      return numberLine(text, source, target);
    case 'annex_heading':
      return leadingWordLine(text, source.annexWords, target.annexWords[0], source, target);
  }
}

export interface PhraseReport {
  /** Lines whose fixed wording was translated. */
  translated: number;
  /** What stayed in the old language, one line each (`charge le Secrétaire général: «le Secrétaire général» is not…`). */
  untranslated: string[];
  /** The same, only the words left (`le Secrétaire général`): what a status line has room for. */
  fragments: string[];
}

const SHOWN_FRAGMENTS = 3;

/** One short line for the app: how many lines changed, and the first words left as written. */
export function untranslatedMessage(report: PhraseReport, languageName: string): string {
  const shown = report.fragments
    .slice(0, SHOWN_FRAGMENTS)
    .map((fragment) => `«${fragment.length > 40 ? `${fragment.slice(0, 39)}…` : fragment}»`);
  const more = report.fragments.length - shown.length;
  return `${report.translated} keyword or title line(s) now in ${languageName}. Not in the tables, left as written: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

/** Whether a textblock holds plain text only (no tracked marks, references or footnotes to keep). */
export function plainText(node: Node): boolean {
  let plain = true;
  node.forEach((child) => {
    if (!child.isText || child.marks.length > 0) plain = false;
  });
  return plain;
}

/**
 * Rewrites the fixed lines of `tr.doc` from its language into `to` (the document's language
 * attribute too), in `tr`: one undoable step with the language switch, never a tracked change (a
 * language version is not a proposal). Returns what was done and what the tables could not
 * translate.
 */
export function translateFixedLines(tr: Transaction, to: LanguageCode): PhraseReport {
  const from = tr.doc.attrs.language as LanguageCode;
  const report: PhraseReport = { translated: 0, untranslated: [], fragments: [] };
  const edits: Array<{ from: number; to: number; text: string }> = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const type = node.type.name;
    if (!isFixedLine(type) || node.textContent.trim() === '') return false;
    if (!plainText(node)) {
      report.untranslated.push(`${node.textContent.trim()}: holds tracked changes or references, left as written`);
      report.fragments.push(node.textContent.trim());
      return false;
    }
    const line = translateLine(type, node.textContent, from, to);
    if (line.text !== node.textContent) {
      edits.push({ from: pos + 1, to: pos + node.nodeSize - 1, text: line.text });
      report.translated++;
    }
    if (line.untranslated) {
      report.untranslated.push(`${node.textContent.trim()}: «${line.untranslated}» is not in the ${languageTable(to).name} tables`);
      report.fragments.push(line.untranslated);
    }
    return false;
  });
  for (const edit of edits.reverse()) tr.insertText(edit.text, edit.from, edit.to);
  tr.setDocAttribute('language', to).setMeta(UNTRACKED_META, true);
  return report;
}
