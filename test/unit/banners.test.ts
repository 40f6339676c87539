/**
 * The messages banner clears itself when its problem is gone (issue 15, item 10): the message log's
 * rules (renderer/controller/messages.ts), then the controller on Resolution 1332 with a host whose
 * disk fails and recovers — a failed recovery copy, a failed save, a failed export each leave an
 * error that stays, and the next success on the same thing takes it away.
 */
import { TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACTION_MESSAGE_MS,
  CLEARED_BY,
  INFO_MESSAGE_MS,
  lifetimeOf,
  MessageLog,
  type Message,
  type MessageTopic,
} from '../../renderer/controller/messages.js';
import { RECOVERY_DELAY_MS } from '../../renderer/session.js';
import { deferred, fakeHost, opened, startedController } from '../support/controller.js';
import { at } from '../support/review.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the message log', () => {
  const logged = () => {
    let shown: readonly Message[] = [];
    const log = new MessageLog((messages) => (shown = messages));
    return { log, texts: () => shown.map((message) => message.text) };
  };

  it('gives information a few seconds (more with an action), and keeps progress and errors', () => {
    expect(lifetimeOf({ kind: 'info' })).toBe(INFO_MESSAGE_MS);
    expect(lifetimeOf({ kind: 'info', action: { label: 'Show in folder', run: () => undefined } })).toBe(ACTION_MESSAGE_MS);
    expect(ACTION_MESSAGE_MS).toBeGreaterThan(INFO_MESSAGE_MS);
    expect(lifetimeOf({ kind: 'progress' })).toBeNull();
    expect(lifetimeOf({ kind: 'error' })).toBeNull();

    vi.useFakeTimers();
    const { log, texts } = logged();
    log.say('progress', 'Preparing the Word file…');
    log.say('info', 'Exported a.docx', { action: { label: 'Show in folder', run: () => undefined } });
    log.say('info', 'Saved a.plenary');
    log.say('error', 'Not saved: the disk is full', { topic: 'save' });
    vi.advanceTimersByTime(INFO_MESSAGE_MS);
    expect(texts()).toEqual(['Preparing the Word file…', 'Exported a.docx', 'Not saved: the disk is full']);
    vi.advanceTimersByTime(ACTION_MESSAGE_MS - INFO_MESSAGE_MS);
    expect(texts()).toEqual(['Preparing the Word file…', 'Not saved: the disk is full']);
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['Preparing the Word file…', 'Not saved: the disk is full']);
  });

  it('replaces an error by the next one on its topic, and a success clears exactly the topics it proves', () => {
    const { log, texts } = logged();
    log.say('error', 'The recovery copy could not be written: disk full', { topic: 'recovery' });
    log.say('error', 'The recovery copy could not be written: disk still full', { topic: 'recovery' });
    log.say('error', 'Not saved: the cover field "title" appears twice', { topic: 'content' });
    log.say('error', 'Not saved: the folder is read-only', { topic: 'save' });
    log.say('error', 'This edit cannot be tracked');
    expect(texts()).toEqual([
      'The recovery copy could not be written: disk still full',
      'Not saved: the cover field "title" appears twice',
      'Not saved: the folder is read-only',
      'This edit cannot be tracked',
    ]);
    // A recovery copy written: the content serialises and the copy is there; the file is still not saved.
    log.resolve('recovery');
    expect(texts()).toEqual(['Not saved: the folder is read-only', 'This edit cannot be tracked']);
    log.resolve('export');
    expect(texts()).toEqual(['Not saved: the folder is read-only', 'This edit cannot be tracked']);
    log.resolve('save');
    // An error about no topic stays until the user dismisses it.
    expect(texts()).toEqual(['This edit cannot be tracked']);
    // Every topic clears itself.
    for (const topic of Object.keys(CLEARED_BY) as MessageTopic[]) expect(CLEARED_BY[topic]).toContain(topic);
  });
});

describe('the banner of the window', () => {
  const RES = 'council-res-1332-c24.txt';

  async function withFailingDisk() {
    vi.useFakeTimers();
    const host = fakeHost({ authorName: 'Marie Dupont' });
    host.next.initial = opened(RES);
    const startedPromise = startedController(host);
    await vi.runAllTimersAsync();
    const started = await startedPromise;
    const disk = { full: true };
    const { writeRecovery, save } = host.api;
    host.api.writeRecovery = async (...args) => {
      if (disk.full) throw new Error('ENOSPC: no space left on device');
      return writeRecovery(...args);
    };
    host.api.save = async (...args) => {
      if (disk.full) throw new Error('ENOSPC: no space left on device');
      return save(...args);
    };
    const type = (text: string) => {
      const { surface } = started;
      const pos = at(surface.state.doc, 'Rôle de');
      surface.dispatch(surface.state.tr.setSelection(TextSelection.create(surface.state.doc, pos)).insertText(text));
    };
    const texts = () => started.controller.getState().messages.map((message) => message.text);
    return { ...started, host, disk, type, texts };
  }

  it('a recovery copy that could not be written: the error stays, and goes once a later copy is written', async () => {
    const { disk, type, texts, host } = await withFailingDisk();
    type('Le ');
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS);
    expect(texts()).toEqual(['The recovery copy could not be written: ENOSPC: no space left on device']);
    // Still failing: one message, not one per snapshot.
    type('nouveau ');
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(texts()).toEqual(['The recovery copy could not be written: ENOSPC: no space left on device']);
    disk.full = false;
    type('texte ');
    await vi.advanceTimersByTimeAsync(RECOVERY_DELAY_MS);
    expect(host.calls.filter((call) => call.startsWith('writeRecovery'))).toHaveLength(1);
    expect(texts()).toEqual([]);
  });

  it('Not saved stays until a later save goes through, which also says Saved for a few seconds', async () => {
    const { controller, disk, type, texts } = await withFailingDisk();
    type('Le ');
    await controller.run('save');
    expect(texts()).toEqual(['Not saved: ENOSPC: no space left on device']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(texts()).toContain('Not saved: ENOSPC: no space left on device');
    disk.full = false;
    await controller.run('save');
    expect(controller.getState().session.dirty).toBe(false);
    // Both the save's and the recovery copy's errors are over: the file is on disk.
    expect(texts()).toEqual([`Saved ${RES}`]);
    await vi.advanceTimersByTimeAsync(INFO_MESSAGE_MS);
    expect(texts()).toEqual([]);
  });

  it('Preparing the Word file… shows while the export runs, however long, and goes when it ends; a failed export stays until one succeeds', async () => {
    const { controller, host, texts } = await withFailingDisk();
    const { exportDocx } = host.api;
    const answer = deferred<Awaited<ReturnType<typeof exportDocx>>>();
    host.api.exportDocx = () => answer.promise;
    const exporting = controller.run('export-docx');
    await vi.advanceTimersByTimeAsync(INFO_MESSAGE_MS * 3);
    expect(texts()).toEqual(['Preparing the Word file…']);
    answer.resolve({ ok: false, error: 'The folder is read-only.' });
    await exporting;
    expect(texts()).toEqual(['The folder is read-only.']);
    host.api.exportDocx = exportDocx;
    await controller.run('export-docx');
    expect(texts()).toEqual(['Exported council-res-1332-c24.docx']);
    await vi.advanceTimersByTimeAsync(ACTION_MESSAGE_MS);
    expect(texts()).toEqual([]);
  });
});
