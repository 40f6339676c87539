export * from './format.js';
export * from './labels.js';
