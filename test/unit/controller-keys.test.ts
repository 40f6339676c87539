// @vitest-environment happy-dom
/**
 * The page's own keys (renderer/controller/use-keys.ts) on a started controller: in the browser
 * host the registry's page shortcuts run their commands (and the editor does not see the key),
 * in Electron they are left to the native menu; Esc leaves a preview; the native menu's commands
 * reach the controller.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc/index.js';
import { trackingState } from '../../shared/tracking/index.js';
import type { AppController } from '../../renderer/controller/controller.js';
import { useControllerState } from '../../renderer/controller/use-controller.js';
import { useBrowserShortcuts, useMenuCommands, usePreviewEscape } from '../../renderer/controller/use-keys.js';
import { fakeHost, opened, startedController, type FakeHost } from '../support/controller.js';

function Keys(props: { controller: AppController; host: FakeHost; browserHost: boolean }) {
  const state = useControllerState(props.controller);
  useMenuCommands(props.controller, props.host.api);
  useBrowserShortcuts(props.controller, props.browserHost);
  usePreviewEscape(props.controller, state.reviewView);
  return null;
}

let root: Root | null = null;

async function mounted(browserHost: boolean) {
  const host = fakeHost({ authorName: 'Marie Dupont' });
  host.next.initial = opened('council-res-1332-c24.txt');
  let menu: ((command: MenuCommand) => void) | null = null;
  host.api.onMenuCommand = (listener) => {
    menu = listener;
    return () => (menu = null);
  };
  const started = await startedController(host);
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(createElement(Keys, { controller: started.controller, host, browserHost })));
  /** A key pressed in the page; true when something kept it from the page (the editor). */
  const press = async (init: KeyboardEventInit): Promise<boolean> => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    let reachedPage = false;
    const page = () => (reachedPage = true);
    document.body.addEventListener('keydown', page);
    await act(async () => {
      document.body.dispatchEvent(event);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    document.body.removeEventListener('keydown', page);
    return event.defaultPrevented && !reachedPage;
  };
  return { ...started, host, press, menu: (command: MenuCommand) => act(async () => menu?.(command)) };
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
});

describe('the page keys', () => {
  it('in the browser host, Ctrl+S saves, Ctrl+Shift+R shows the changes panel, and the editor never sees them', async () => {
    const { controller, host, press } = await mounted(true);
    expect(await press({ key: 's', code: 'KeyS', ctrlKey: true })).toBe(true);
    expect(host.calls).toContain('save(f_1)');
    expect(await press({ key: 'R', code: 'KeyR', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(controller.getState().changesVisible).toBe(true);
    // Typing is the editor's.
    expect(await press({ key: 's', code: 'KeyS' })).toBe(false);
  });

  it('in Electron, leaves the shortcuts to the native menu, whose commands reach the controller', async () => {
    const { controller, host, press, menu } = await mounted(false);
    expect(await press({ key: 's', code: 'KeyS', ctrlKey: true })).toBe(false);
    expect(host.calls).not.toContain('save(f_1)');
    await menu('save');
    expect(host.calls).toContain('save(f_1)');
    await menu('toggle-outline');
    expect(controller.getState().outlineVisible).toBe(false);
  });

  it('Esc leaves a preview, and Ctrl+Shift+E there goes back to the markup and switches tracking', async () => {
    const { controller, surface, press } = await mounted(true);
    await act(async () => controller.run('view-final'));
    await press({ key: 'Escape', code: 'Escape' });
    expect(controller.getState().reviewView).toBe('markup');
    await act(async () => controller.run('view-original'));
    expect(await press({ key: 'E', code: 'KeyE', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(controller.getState().reviewView).toBe('markup');
    expect(trackingState(surface.state)?.enabled).toBe(true);
    // In the markup the editor's keymap owns Ctrl+Shift+E: the page leaves it alone.
    expect(await press({ key: 'E', code: 'KeyE', ctrlKey: true, shiftKey: true })).toBe(false);
  });
});
