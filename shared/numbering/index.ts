export * from './format.js';
export * from './labels.js';
export * from './locate.js';
export * from './section-word.js';
export * from './references.js';
export * from './tracked.js';
export * from './plugin.js';
export * from './commands.js';
