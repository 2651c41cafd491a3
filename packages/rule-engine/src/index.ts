export type * from './model/compiled-rule.js';
