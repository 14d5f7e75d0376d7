/**
 * `@reframe/core/internal`: entry points for Reframe's own tests and benchmarks, not a public API and
 * free to change between releases.
 */
export { lintBy, lintDocumentBy, type MatchingPath } from './lint.js';
