export * from './attrs.js';
export * from './review.js';
export * from './track.js';
export * from './structure.js';
export * from './plugin.js';
export * from './changes.js';
