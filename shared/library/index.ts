/** The library of texts in force: what a text is (./describe.ts) and finding it (./search.ts). Storage is Node's (node/services/library.ts). */
export { bodyOf, describeTextInForce, type TextInForce } from './describe.js';
export { SearchIndex, searchWords, type SearchHit, type Searchable } from './search.js';
