/**
 * The footnotes of a Word file, each handed out once. Word ties a note to its anchor by id, and a
 * hostile (or damaged) file can anchor one note many times, or anchor notes inside notes; copying a
 * note at every anchor made an 11 KB file expand without bound. Here a note's paragraphs go to its
 * first anchor only; later anchors, anchors inside notes and anchors to missing notes are left out
 * and reported, so the imported document is never larger than the file's own text.
 */
import type { SourceParagraph } from './ooxml.js';

export class FootnoteBodies {
  private readonly used = new Set<string>();
  private repeated = 0;
  private nested = 0;
  private readonly missing = new Set<string>();

  constructor(private readonly notes: Map<string, SourceParagraph[]>) {}

  /** The paragraphs of note `id` for its first anchor; null for any later anchor or a missing note. */
  take(id: string): SourceParagraph[] | null {
    const note = this.notes.get(id);
    if (!note) {
      this.missing.add(id);
      return null;
    }
    if (this.used.has(id)) {
      this.repeated += 1;
      return null;
    }
    this.used.add(id);
    return note;
  }

  /** An anchor inside a note: Plenary's notes hold no notes. */
  skipNested(): void {
    this.nested += 1;
  }

  warnings(): string[] {
    const out: string[] = [];
    if (this.missing.size > 0) {
      const ids = [...this.missing].slice(0, 5).join(', ');
      out.push(
        `${this.missing.size} footnote reference(s) point at no footnote of the Word file (id ${ids}${this.missing.size > 5 ? ', …' : ''}): left out`,
      );
    }
    if (this.repeated > 0)
      out.push(`${this.repeated} repeated reference(s) to a footnote already placed: each note is kept at its first reference only`);
    if (this.nested > 0) out.push(`${this.nested} footnote reference(s) inside footnotes were left out: a note cannot hold a note`);
    return out;
  }
}
