export * from './credit-code.js';
