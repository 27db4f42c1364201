// Moved to tools/ (shared with the benchmarks); the tests keep importing it from here.
export * from '../../tools/yjs-clients.js';
