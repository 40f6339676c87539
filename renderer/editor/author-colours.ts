/**
 * A colour for each author of tracked changes, as Word gives one "by author": the first author met
 * gets the first colour of the palette, the next one the next, so that up to PALETTE_SIZE authors
 * never share one. The text (mark and block DOM, dom-specs.ts) and the changes panel ask the same
 * registry, so an author's changes have the same colour in both. The colours themselves are CSS
 * (`--author-0` … in page.css), chosen for contrast with the page and with each other.
 */
export const PALETTE_SIZE = 8;

export class AuthorColours {
  private readonly known = new Map<string, number>();

  /** The author's colour index, 0 … PALETTE_SIZE - 1; a new author takes the next one. */
  of(author: string): number {
    let index = this.known.get(author);
    if (index === undefined) {
      index = this.known.size % PALETTE_SIZE;
      this.known.set(author, index);
    }
    return index;
  }
}

/** The window's registry: one per page, so colours stay put while the user works. */
export const sessionAuthorColours = new AuthorColours();
