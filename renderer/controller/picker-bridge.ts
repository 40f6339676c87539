/**
 * Lets the HTTP API (created before the window) show the in-page file picker, which the
 * controller holds and the window renders.
 */
import type { PickRequest } from '../host-api.js';

export class PickerBridge {
  private show: ((request: PickRequest) => Promise<string | null>) | null = null;

  attach(show: (request: PickRequest) => Promise<string | null>): void {
    this.show = show;
  }

  pick(request: PickRequest): Promise<string | null> {
    return this.show ? this.show(request) : Promise.resolve(null);
  }
}
