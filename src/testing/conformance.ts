import { ConformanceSkip } from './assertions';
import { type CheckTiming, createCheckContext } from './checkContext';
import { type ConformanceCheck, conformanceChecks } from './checks';
import type {
  AdapterConformanceFactory,
  AdapterConformanceOptions,
  AdapterConformanceResult,
  ConformanceTestRunner,
} from './types';

const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_SETTLE_MS = 50;
const DEFAULT_LARGEST_OVERSIZED_LIST = 1000;

function readTiming(options: AdapterConformanceOptions): CheckTiming {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    settleMs: options.settleMs ?? DEFAULT_SETTLE_MS,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    largestOversizedList: options.largestOversizedList ?? DEFAULT_LARGEST_OVERSIZED_LIST,
  };
}

/**
 * Runs one check against a fresh backend. Resolves with the reason when the check skipped
 * itself, `undefined` when it passed; rejects with the first failure (the check's own, else its
 * cleanup's).
 */
async function runCheck(
  check: ConformanceCheck,
  factory: AdapterConformanceFactory,
  timing: CheckTiming,
): Promise<string | undefined> {
  const backend = await factory();
  const failures: unknown[] = [];
  let skipped: string | undefined;
  const context = (() => {
    try {
      return createCheckContext(backend, timing);
    } catch (error) {
      failures.push(error);
      return undefined;
    }
  })();
  if (context) {
    try {
      await check.run(context);
      context.assertEventsWellFormed();
    } catch (error) {
      if (error instanceof ConformanceSkip) skipped = error.message;
      else failures.push(error);
    }
    try {
      context.dispose();
    } catch (error) {
      failures.push(error);
    }
  }
  try {
    await backend?.cleanup?.();
  } catch (error) {
    failures.push(error);
  }
  if (failures.length > 0) throw failures[0];
  return skipped;
}

function selectedChecks(options: AdapterConformanceOptions): {
  check: ConformanceCheck;
  leftOut: boolean;
}[] {
  const leftOut = new Set(options.skip ?? []);
  return conformanceChecks.map((check) => ({ check, leftOut: leftOut.has(check.name) }));
}

/** The test context Vitest passes to a test; Jest passes nothing to a test without parameters. */
function skipOfTestContext(args: readonly unknown[]): ((note: string) => void) | undefined {
  const skip = (args[0] as { skip?: unknown } | undefined)?.skip;
  return typeof skip === 'function' ? (note) => skip.call(args[0], note) : undefined;
}

/**
 * Registers the adapter conformance suite in a test runner: one `describe` holding one `it` per
 * check, each against a fresh backend from `factory`. Pass Vitest's or Jest's `describe` and
 * `it` (the suite asserts with its own helpers and needs no `expect`).
 *
 * A check that cannot run against this backend (no `historyLength`, multi-device sync off,
 * `keepHistory` false) is marked skipped where the runner can skip at run time (Vitest), and
 * passes without checking anything elsewhere (Jest); `runAdapterConformance` says which.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { defineAdapterConformanceSuite } from 'conversation-kit/testing';
 *
 * defineAdapterConformanceSuite({ describe, it }, () => {
 *   const server = createMemoryChatServer({ conversations: 5 });
 *   return {
 *     devices: [server.connect('A'), server.connect('B')],
 *     addMessage: (id, text) => server.receiveMessage(id, text),
 *     historyLength: (id) => server.historyLength(id),
 *     multiDeviceSync: true,
 *   };
 * });
 */
export function defineAdapterConformanceSuite(
  runner: ConformanceTestRunner,
  factory: AdapterConformanceFactory,
  options: AdapterConformanceOptions = {},
): void {
  const timing = readTiming(options);
  const testTimeoutMs = options.testTimeoutMs ?? 10 * timing.timeoutMs + 5000;
  runner.describe('ChatAdapter conformance', () => {
    for (const { check, leftOut } of selectedChecks(options)) {
      // Rest parameters keep the function's `length` at 0: Jest reads a declared parameter as a
      // `done` callback and refuses a test that takes one and returns a promise.
      runner.it(
        check.name,
        async (...args: unknown[]) => {
          const skip = skipOfTestContext(args);
          if (leftOut) {
            skip?.('left out by options.skip');
            return;
          }
          const skipped = await runCheck(check, factory, timing);
          if (skipped !== undefined) skip?.(skipped);
        },
        testTimeoutMs,
      );
    }
  });
}

/**
 * Runs every check of the adapter conformance suite, one after the other, each against a fresh
 * backend from `factory`, and resolves with one result per check; it never rejects for a failed
 * check. For runners the suite cannot register with, scripts and CI logs.
 *
 * @example
 * const results = await runAdapterConformance(makeBackend);
 * const failed = results.filter((result) => !result.ok);
 * for (const { name, error } of failed) console.error(`✗ ${name}: ${error?.message}`);
 */
export async function runAdapterConformance(
  factory: AdapterConformanceFactory,
  options: AdapterConformanceOptions = {},
): Promise<AdapterConformanceResult[]> {
  const timing = readTiming(options);
  const results: AdapterConformanceResult[] = [];
  for (const { check, leftOut } of selectedChecks(options)) {
    if (leftOut) {
      results.push({ name: check.name, ok: true, skipped: 'left out by options.skip' });
      continue;
    }
    try {
      const skipped = await runCheck(check, factory, timing);
      results.push(
        skipped === undefined
          ? { name: check.name, ok: true }
          : { name: check.name, ok: true, skipped },
      );
    } catch (error) {
      results.push({
        name: check.name,
        ok: false,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }
  return results;
}
