/**
 * Second pass of the text importer: the lines become the document — an optional cover, body
 * blocks (headings, numbered paragraphs, paragraphs, lists), resolutions with their sections and
 * annexes, and annexes of the document itself.
 *
 * The parser never drops text: a line it cannot place is kept where it stands (as a continuation
 * or a paragraph) and reported as unrecognised.
 */
import type { Node } from 'prosemirror-model';
import type { InlineRun } from '../../model/index.js';
import { trackingScopeFor } from '../../contribution/index.js';
import { newId } from '../../model/index.js';
import { schema, type HeadingNumbering, type SectionKind } from '../../schema/index.js';
import type { LineClassifier } from './classify.js';
import { joinRuns, looksLikeCover, readCover } from './cover.js';
import { isDecimalLabel, isNumberedParagraphLabel, romanHeadingNumber, type LabelReader } from './labels.js';
import type { SourceLine } from './lines.js';
import { ListBuilder } from './lists.js';
import { textBlockNode as textBlock } from './nodes.js';

/** Where a run of blocks stands: the body, an annex of the document, or an annex of a resolution. */
type BlockContext = 'body' | 'document-annex' | 'resolution-annex';

export interface ParseResult {
  doc: Node;
  warnings: string[];
  unrecognised: SourceLine[];
}

export function parseLines(lines: readonly SourceLine[], classify: LineClassifier, labels: LabelReader): ParseResult {
  return new Parser(lines, classify, labels).parse();
}

/** The line as text again, label and tab included: for a labelled line kept as a paragraph. */
function runsWithLabel(line: SourceLine): InlineRun[] {
  return line.label === null ? line.runs : [`${line.label}\t`, ...line.runs];
}

class Parser {
  private index = 0;
  private readonly warnings: string[] = [];
  private readonly unrecognised: SourceLine[] = [];

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly classify: LineClassifier,
    private readonly labels: LabelReader,
  ) {}

  parse(): ParseResult {
    const children: Node[] = [];
    const coverEnd = this.lines.findIndex((line) => this.endsCover(line));
    const coverLines = this.lines.slice(0, coverEnd < 0 ? this.lines.length : coverEnd);
    if (coverLines.length > 0 && looksLikeCover(coverLines, this.classify)) {
      const cover = readCover(coverLines, this.classify);
      children.push(cover.cover);
      for (const entry of cover.warnings) this.warnings.push(entry);
      for (const entry of cover.unrecognised) this.unrecognised.push(entry);
      this.index = coverLines.length;
    }
    for (const entry of this.blocks('body')) children.push(entry);
    if (children.length === 0 || (children.length === 1 && children[0]!.type.name === 'cover')) {
      children.push(textBlock('paragraph', []));
    }
    const doc = schema.nodes.doc!.create({ language: this.classify.table.code, trackingScope: trackingScopeFor(children) }, children);
    return { doc, warnings: this.warnings, unrecognised: this.unrecognised };
  }

  // --- lines ------------------------------------------------------------------------------

  private peek(): SourceLine | undefined {
    return this.lines[this.index];
  }

  /** The cover ends at the first labelled line (`I\tIntroduction`), resolution or annex. */
  private endsCover(line: SourceLine): boolean {
    return line.label !== null || line.block !== undefined || this.classify.isNumberLine(line) || this.classify.isAnnexLine(line);
  }

  private unplaced(line: SourceLine, why: string): void {
    this.unrecognised.push(line);
    this.warnings.push(`line ${line.no}: ${why}`);
  }

  // --- body and annex blocks ----------------------------------------------------------------

  private blocks(context: BlockContext): Node[] {
    const blocks: Node[] = [];
    let list: ListBuilder | null = null;
    const flush = () => {
      if (!list) return;
      blocks.push(list.build());
      this.reportProblems(list);
      list = null;
    };

    for (let line = this.peek(); line; line = this.peek()) {
      if (this.classify.isFieldArtifact(line)) {
        this.index += 1;
        continue;
      }
      if (line.block) {
        // A block read whole from Word (a table): placed as it is.
        flush();
        blocks.push(line.block);
        for (const warning of line.blockWarnings ?? []) this.warnings.push(`line ${line.no}: ${warning}`);
        this.index += 1;
        continue;
      }
      if (this.classify.isNumberLine(line)) {
        if (context === 'resolution-annex') break;
        flush();
        blocks.push(this.resolution());
        continue;
      }
      if (this.classify.isAnnexLine(line)) {
        if (context !== 'body') break;
        flush();
        blocks.push(this.annex('document-annex'));
        continue;
      }
      this.index += 1;

      if (line.label !== null) {
        const readings = this.labels.read(line.label);
        const heading = this.headingNumbering(line, readings.length > 0 && list !== null && (list as ListBuilder).takes(readings));
        if (heading) {
          flush();
          blocks.push(textBlock('heading', line.runs, [line], { numbering: heading }));
        } else if (isNumberedParagraphLabel(line.label)) {
          flush();
          blocks.push(textBlock('numbered_paragraph', line.runs, [line]));
        } else if (readings.length > 0) {
          list ??= this.newList('alpha');
          list.addLabelled(line, readings);
        } else {
          flush();
          this.unplaced(line, `label ${line.label} is not a label of this document; kept as a paragraph`);
          blocks.push(textBlock('paragraph', runsWithLabel(line), [line]));
        }
      } else if (line.tabs > 0 && list !== null) {
        (list as ListBuilder).addContinuation(line);
      } else {
        flush();
        blocks.push(textBlock('paragraph', line.runs, [line], { indent: line.tabs }));
      }
    }
    flush();
    return blocks;
  }

  /**
   * `I\tIntroduction` → roman; `1\tIntroduction` → decimal, unless an open list expects `1` or the
   * line ends like an item (`;`, `,`, `:`), which makes it an item of a decimal list.
   */
  private headingNumbering(line: SourceLine, continuesList: boolean): HeadingNumbering | null {
    const label = line.label!;
    if (Number.isInteger(romanHeadingNumber(label)) && !continuesList) return 'roman';
    if (isDecimalLabel(label) && !continuesList && !/[;,:；，：]\s*$/u.test(line.plain)) return 'decimal';
    return null;
  }

  private reportProblems(list: ListBuilder): void {
    for (const problem of list.problems) this.warnings.push(`line ${problem.line.no}: ${problem.message}`);
  }

  private newList(defaultStyle: 'alpha' | 'decimal'): ListBuilder {
    return new ListBuilder(defaultStyle, (text) => this.classify.endsWithColon(text));
  }

  // --- resolution ---------------------------------------------------------------------------

  private resolution(): Node {
    const numberLine = this.lines[this.index++]!;
    const children: Node[] = [textBlock('number_line', numberLine.runs, [numberLine])];
    const next = this.peek();
    if (next && this.classify.isAdoptionLine(next)) {
      children.push(textBlock('adoption_line', next.runs, [next]));
      this.index += 1;
    }

    // Title (one or more lines) and call: everything up to the first keyword line.
    const head: SourceLine[] = [];
    for (let line = this.peek(); line && !this.endsResolutionHead(line); line = this.peek()) {
      this.index += 1;
      if (!this.classify.isFieldArtifact(line)) head.push(line);
    }
    const call = head.pop();
    if (head.length === 0) this.warnings.push(`line ${numberLine.no}: resolution without a title`);
    if (!call) this.warnings.push(`line ${numberLine.no}: resolution without a call`);
    for (const line of head) if (line.label !== null) this.unplaced(line, 'labelled line in a resolution title');
    children.push(textBlock('resolution_title', joinRuns(head.map(runsWithLabel)), head));
    children.push(textBlock('call', call ? runsWithLabel(call) : [], call ? [call] : []));

    for (let line = this.peek(); line; line = this.peek()) {
      const keyword = this.classify.keywordOf(line);
      if (!keyword) break;
      children.push(this.section(keyword.kind));
    }
    for (let line = this.peek(); line && this.classify.isAnnexLine(line); line = this.peek()) {
      children.push(this.annex('resolution-annex'));
    }
    return schema.nodes.resolution!.create({ id: newId() }, children);
  }

  private endsResolutionHead(line: SourceLine): boolean {
    // A table cannot stand among a resolution's paragraphs: it ends the resolution there, kept after it.
    return (
      line.block !== undefined ||
      this.classify.keywordOf(line) !== null ||
      this.classify.isAnnexLine(line) ||
      this.classify.isNumberLine(line)
    );
  }

  private endsSection(line: SourceLine): boolean {
    // A table among the items stays in the section (as lines, see section()).
    return !line.block && this.endsResolutionHead(line);
  }

  private section(kind: SectionKind): Node {
    const keywordLine = this.lines[this.index++]!;
    if (keywordLine.emptyKeyword)
      this.warnings.push(`line ${keywordLine.no}: a section has no keyword (an empty keyword line); kept as a section`);
    const list = this.newList(kind === 'preamble' ? 'alpha' : 'decimal');
    for (let line = this.peek(); line && !this.endsSection(line); line = this.peek()) {
      this.index += 1;
      if (this.classify.isFieldArtifact(line)) continue;
      if (line.block) {
        // The model holds tables in the body and annexes, not among items: its rows are kept as
        // continuation paragraphs of the item before, text and revisions included.
        const rows = line.blockAsLines ?? [];
        this.warnings.push(
          `line ${line.no}: a table among the items of "${keywordLine.plain}" was kept as ${rows.length} paragraph(s), one per row`,
        );
        for (const row of rows) {
          if (list.isEmpty) list.addUnlabelled(row);
          else list.addContinuation(row);
        }
        continue;
      }
      const readings = line.label === null ? [] : this.labels.read(line.label);
      if (readings.length > 0) {
        list.addLabelled(line, readings);
      } else if (list.isEmpty || (line.label === null && line.tabs === 0 && line.change?.kind === 'insertion' && list.isEmptyInNewText)) {
        // A section whose body is one unlabelled paragraph holds one item (labels: none).
        if (line.label !== null || line.tabs > 0) this.unplaced(line, 'first line of a section is neither an item nor its text');
        list.addUnlabelled(line.label === null ? line : { ...line, runs: runsWithLabel(line), label: null });
      } else {
        if (line.label !== null) this.unplaced(line, `label ${line.label} is not an item label; kept as a continuation`);
        else if (line.tabs === 0) this.unplaced(line, 'unlabelled line after the items of a section; kept as a continuation');
        list.addContinuation(line.label === null ? line : { ...line, runs: runsWithLabel(line), label: null });
      }
    }
    this.reportProblems(list);
    if (list.isEmpty) {
      this.warnings.push(`line ${keywordLine.no}: section "${keywordLine.plain}" has no items`);
      list.addUnlabelled({ ...keywordLine, runs: [], plain: '' });
    }
    return schema.nodes.section!.create({ id: newId(), kind }, [
      textBlock('section_keyword', keywordLine.runs, [keywordLine]),
      list.build(),
    ]);
  }

  // --- annex --------------------------------------------------------------------------------

  private annex(context: 'document-annex' | 'resolution-annex'): Node {
    const headingLine = this.lines[this.index++]!;
    const children: Node[] = [textBlock('annex_heading', headingLine.runs, [headingLine])];
    const next = this.peek();
    if (
      next &&
      !next.block &&
      next.label === null &&
      next.tabs === 0 &&
      !this.classify.isNumberLine(next) &&
      !this.classify.isAnnexLine(next)
    ) {
      children.push(textBlock('annex_title', next.runs, [next]));
      this.index += 1;
    }
    for (const entry of this.blocks(context)) children.push(entry);
    return schema.nodes.annex!.create({ id: newId() }, children);
  }
}
