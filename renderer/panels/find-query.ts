/** The Find bar's query (FindBar.tsx), apart so that it is tested without a page. */
import { SearchQuery } from 'prosemirror-search';

const SPACES = '[ \u00a0\u202f\u2007]';

/**
 * The query for what the user typed. A space matches any space: Word's "des TIC" is written with a
 * no-break space (U+00A0) or a narrow one (U+202F, before ; : in French), which the user types as a
 * plain space. So the text is searched as a regular expression with its spaces widened, and the
 * replacement is taken literally.
 */
export function searchQuery(search: string, replace: string, caseSensitive: boolean): SearchQuery {
  const pattern = search
    .split(/[ \u00a0\u202f\u2007]/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(SPACES);
  return new SearchQuery({ search: pattern, replace: replace.replace(/\$/g, '$$$$'), caseSensitive, regexp: true, literal: true });
}
