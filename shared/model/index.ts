export * from './ids.js';
export * from './build.js';
