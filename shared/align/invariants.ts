/**
 * What a translation does not translate: numbers, dates, resolution and document numbers (`70/125`,
 * `A/78/L.49`, `C26/93`), action lines (`C2`), URLs and e-mail addresses — the same in every
 * language version of a text. They confirm that two blocks of two language versions say the same
 * thing. Acronyms help too, but only where both versions keep them (`ICANN`, `UNESCO`): many are
 * translated (`UIT`/`ITU`, `SMSI`/`WSIS`), so an acronym found on one side only says nothing.
 */

/** A block's untranslated tokens: `strong` must agree between versions, `acronyms` may. */
export interface Invariants {
  strong: readonly string[];
  acronyms: readonly string[];
  /** Length of the text, in characters: translations of one text have comparable lengths. */
  length: number;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s"'()<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/**
 * A token holding a digit: `2030`, `70/125`, `C24`, `A/78/L.49`, `2.1`, `W3C`; joined parts are
 * numbers or capitals (`20-year` is the number 20 and a word). Latin letters only: in Chinese
 * the characters around a number are words (`第1332号决议`).
 */
const WITH_DIGIT = /(?:[A-Z]{1,3}\/)*[A-Za-z0-9]*[0-9][A-Za-z0-9]*(?:[/.\-–](?:[0-9][A-Za-z0-9]*|[A-Z][A-Z0-9]*))*/g;
/** Two or more capitals and nothing else (digits go to WITH_DIGIT). */
const ACRONYM = /\b\p{Lu}{2,}\b/gu;

/**
 * Digits in every script read as ASCII (Arabic-Indic `٢٠٣٠`, full-width `２０３０`): NFKC folds the
 * full-width forms; the Arabic-Indic and Eastern Arabic-Indic ones are mapped here.
 */
function asciiDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * A Council document number ends with its language's letter (`C26/93-F`, `C26/93-E`): the number
 * is the same document in every language.
 */
function withoutLanguageLetter(token: string): string {
  const bare = token.replace(/[.\-–]+$/u, '');
  return bare.includes('/') ? bare.replace(/-[AEFSRC]$/u, '') : bare;
}

export function invariantsOf(text: string): Invariants {
  const folded = asciiDigits(text);
  // The address pattern backtracks on every word: run it only where an address may be.
  const mayHoldAddress = /:\/\/|www\.|@/.test(folded);
  const urls = mayHoldAddress ? (folded.match(URL) ?? []) : [];
  const rest = mayHoldAddress ? folded.replace(URL, ' ') : folded;
  const numbers = (rest.match(WITH_DIGIT) ?? []).map(withoutLanguageLetter).filter((token) => token !== '');
  return {
    strong: [...urls.map((url) => url.toLowerCase().replace(/[.,;:]+$/u, '')), ...numbers],
    acronyms: rest.match(ACRONYM) ?? [],
    length: [...text.trim()].length,
  };
}

function counts(tokens: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of tokens) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Most blocks hold a few numbers: compared pairwise, without building a map (the alignment of a
  // long section scores thousands of pairs).
  if (a.length <= 30 && a.length * b.length <= 64) {
    let used = 0;
    let shared = 0;
    for (const token of b) {
      for (let i = 0; i < a.length; i++) {
        if ((used & (1 << i)) === 0 && a[i] === token) {
          used |= 1 << i;
          shared++;
          break;
        }
      }
    }
    return shared;
  }
  const left = counts(a);
  let shared = 0;
  for (const token of b) {
    const n = left.get(token) ?? 0;
    if (n > 0) {
      shared++;
      left.set(token, n - 1);
    }
  }
  return shared;
}

/**
 * Translated lengths vary by language (English runs shorter than French, Chinese far shorter):
 * only a ratio beyond what translation explains lowers the score.
 */
function lengthAgreement(a: number, b: number, expectedRatio: number): number {
  if (a === 0 && b === 0) return 1;
  if (a === 0 || b === 0) return 0;
  const ratio = a / (b * expectedRatio);
  const off = ratio >= 1 ? ratio : 1 / ratio;
  return off <= 1.35 ? 1 : Math.max(0, 1 - (off - 1.35) / 2);
}

/**
 * How surely two blocks of two language versions are translations of each other, from 0 to 1:
 * mostly their untranslated tokens (Dice coefficient; acronyms count where both keep them), and
 * their lengths. Blocks with no untranslated token at all are judged by length alone, and never
 * above 0.8: position decides for them.
 */
export function translationScore(a: Invariants, b: Invariants, expectedRatio = 1): number {
  const lengths = lengthAgreement(a.length, b.length, expectedRatio);
  const total = a.strong.length + b.strong.length;
  const sharedAcronyms = sharedCount(a.acronyms, b.acronyms);
  if (total === 0 && sharedAcronyms === 0) return 0.8 * lengths;
  const shared = sharedCount(a.strong, b.strong) + sharedAcronyms;
  const dice = (2 * shared) / (total + 2 * sharedAcronyms);
  return 0.75 * dice + 0.25 * lengths;
}

/** The strong tokens found on one side only (each as often as it is missing), for reports. */
export function unsharedTokens(a: Invariants, b: Invariants): { onlyA: string[]; onlyB: string[] } {
  const only = (x: readonly string[], y: readonly string[]) => {
    const left = counts(y);
    const out: string[] = [];
    for (const token of x) {
      const n = left.get(token) ?? 0;
      if (n > 0) left.set(token, n - 1);
      else out.push(token);
    }
    return out;
  };
  return { onlyA: only(a.strong, b.strong), onlyB: only(b.strong, a.strong) };
}
