/**
 * File → Add to Library… in the controller, with the in-memory host: a text chosen from a file or
 * the open document is described as the library would (number, body, version, language), stored
 * with what the user corrected, asked about when the library already holds it (replace or keep
 * both), and found at once by the Add Proposal search.
 */
import { describe, expect, it } from 'vitest';
import { fakeHost, opened, startedController } from '../support/controller.js';

const RES_FR = 'council-res-1332-c24.txt';
const RES_EN = 'parallel/council-res-1332-c24-en.txt';

async function started() {
  const host = fakeHost({ authorName: 'Sénégal' });
  host.next.initial = opened(RES_FR);
  return { host, ...(await startedController(host)) };
}

describe('File → Add to Library…', () => {
  it('adds a chosen file with the description the user corrected; the Add Proposal search finds it', async () => {
    const { host, controller } = await started();
    await controller.run('add-to-library');
    expect(controller.getState().libraryAdd).toEqual({ step: 'source' });

    host.next.libraryFile = opened(RES_EN, { imported: true, fileId: '' });
    await controller.libraryFromFile();
    const open = controller.getState().libraryAdd;
    expect(open?.step).toBe('confirm');
    if (open?.step !== 'confirm') return;
    // What describe() read, shown for the user to check.
    expect(open.candidate.guessed).toEqual({ number: '1332', body: 'Council', version: 'C11, last amended C24', language: 'en' });
    expect(open.candidate.numberLine).toBe('RESOLUTION 1332 (C11, last amended C24)');
    expect(open.candidate.name).toBe(RES_EN);

    // The user corrects the version before adding.
    await controller.confirmLibraryAdd({ ...open.candidate.guessed, version: 'C11, last amended C24 (English)' });
    expect(host.calls).toContain('addToLibrary(ask)');
    expect(controller.getState().libraryAdd).toBeNull();
    expect(controller.getState().messages.at(-1)?.text).toBe(
      'Added to the library: RESOLUTION 1332 (C11, last amended C24), Council (en).',
    );
    const found = await controller.searchLibrary('1332');
    expect(found).toEqual([expect.objectContaining({ number: '1332', version: 'C11, last amended C24 (English)', language: 'en' })]);
  });

  it('asks before adding a text the library holds: Replace takes its place, Keep both adds beside it', async () => {
    const { host, controller } = await started();
    /** Add to Library… → This document → Add, as the dialog's buttons do. */
    const addTheDocument = async () => {
      await controller.run('add-to-library');
      controller.libraryFromDocument();
      const open = controller.getState().libraryAdd;
      if (open?.step !== 'confirm') throw new Error(`no confirm step: ${JSON.stringify(open)}`);
      expect(open.candidate.guessed).toEqual({ number: '1332', body: 'Council', version: 'C11, dernière mod. C24', language: 'fr' });
      await controller.confirmLibraryAdd(open.candidate.guessed);
    };
    const asked = () => {
      const state = controller.getState().libraryAdd;
      if (state?.step !== 'duplicate') throw new Error(`not asked: ${JSON.stringify(state)}`);
      expect(state.existing).toMatchObject({ number: '1332', language: 'fr' });
      return state;
    };
    const lastMessage = () => controller.getState().messages.at(-1)?.text;

    await addTheDocument();
    expect(controller.getState().libraryAdd).toBeNull();
    expect(host.library).toHaveLength(1);

    await addTheDocument();
    await controller.confirmLibraryAdd(asked().info, 'replace');
    expect(controller.getState().libraryAdd).toBeNull();
    expect(host.library).toHaveLength(1);
    expect(lastMessage()).toBe('Replaced in the library: RÉSOLUTION 1332 (C11, dernière mod. C24), Council (fr).');

    await addTheDocument();
    await controller.confirmLibraryAdd(asked().info, 'keep-both');
    expect(host.library).toHaveLength(2);
    expect(lastMessage()).toMatch(/^Added to the library/);

    expect(host.calls.filter((call) => call.startsWith('addToLibrary'))).toEqual([
      'addToLibrary(ask)',
      'addToLibrary(ask)',
      'addToLibrary(replace)',
      'addToLibrary(ask)',
      'addToLibrary(keep-both)',
    ]);
  });

  it('says in one line why a file cannot go into the library, and a cancelled dialog changes nothing', async () => {
    const { host, controller } = await started();
    await controller.run('add-to-library');
    host.next.libraryFile = null;
    await controller.libraryFromFile();
    expect(controller.getState().libraryAdd).toEqual({ step: 'source' });
    host.next.libraryFile = opened('council-c26-93-contribution-cover.txt', { imported: true, fileId: '' });
    await controller.libraryFromFile();
    expect(controller.getState().messages.at(-1)).toMatchObject({
      kind: 'error',
      text: 'council-c26-93-contribution-cover.txt holds no resolution: the library keeps texts in force (resolutions, decisions).',
    });
    expect(controller.getState().libraryAdd).toEqual({ step: 'source' });
    controller.closeLibraryAdd();
    expect(controller.getState().libraryAdd).toBeNull();
    expect(host.library).toEqual([]);
  });
});
