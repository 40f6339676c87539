/**
 * One entry point for a host's transport (Electron IPC, the browser host's HTTP): validate the raw
 * method name and arguments, then call the HostApi. Anything malformed is an InvalidRequestError.
 */
import { parseRequest, type HostMethod } from '../../shared/ipc/index.js';
import type { HostApi } from './host-api.js';

export async function callHostApi(api: HostApi, method: unknown, args: unknown): Promise<unknown> {
  const parsed = parseRequest(method, args);
  const name = method as HostMethod;
  // parseRequest checked `args` against this method's tuple schema.
  const fn = api[name] as (...a: unknown[]) => Promise<unknown>;
  return fn.apply(api, parsed);
}
