#!/usr/bin/env node
// Prints one closing line for the whole suite (unit + e2e), from the runners' JSON reports:
// "Tests: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
const unit = read('test-results/vitest.json');
const e2e = read('test-results/playwright.json').stats;
const passed = unit.numPassedTests + e2e.expected;
const failed = unit.numFailedTests + e2e.unexpected + (e2e.flaky ?? 0);
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
