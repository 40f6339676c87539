/**
 * The browser host of `plenary serve`: the renderer and the Node services over HTTP on 127.0.0.1.
 * The CLI's `serve` command starts it through this API; nothing else imports host/.
 */
export { startHost, rendererProblem, type HostOptions, type RunningHost } from './serve.js';
export { defaultRendererDir, defaultUserDataDir, rendererConfigFile } from './paths.js';
