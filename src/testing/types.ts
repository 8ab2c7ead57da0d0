import type { ChatAdapter } from '../core/types';

/**
 * A fresh backend for one conformance check: two devices signed in to one account, and the
 * controls the suite needs to act as the world around them (someone sends a message).
 */
export interface AdapterConformanceBackend {
  /**
   * Two adapters of the same account on two devices, each with its own connection. Both must list
   * the same conversations (at least 3) when the factory returns.
   */
  devices: readonly [ChatAdapter, ChatAdapter];
  /**
   * A message arrives in a conversation, from someone else: it moves up, its history grows by
   * one, and a deleted conversation comes back. Resolves once the backend has stored it (events
   * may come later).
   */
  addMessage(conversationID: string, text: string): void | Promise<void>;
  /**
   * Whether a deletion on one device reaches the other ("sync conversation deletion across
   * clients" in Tencent Cloud Chat's console). Default `false`: the check that a deletion reaches
   * the other device as a remote one is skipped.
   */
  multiDeviceSync?: boolean;
  /**
   * How many messages the backend keeps for a conversation, deleted or not. `ChatAdapter` has no
   * way to read history, so the checks that history is cleared or kept run only when the factory
   * can tell (the in-memory server's `historyLength`, a test server's store, an SDK's
   * message-list call); they are skipped without it.
   */
  historyLength?(conversationID: string): number | Promise<number>;
  /**
   * A conversation ID in this backend's form that it does not know, different for each `index`.
   * Without it the suite makes one from a listed ID (the listed ID with `_conformance_unknown_<index>`
   * appended), which suits backends whose IDs may carry letters, digits and underscores.
   */
  unknownConversationID?(index: number): string;
  /** Called after each check, passed or failed: disconnect clients, stop servers, clear timers. */
  cleanup?(): void | Promise<void>;
}

/** Makes a fresh backend; called once per check, so that no check sees another's deletions. */
export type AdapterConformanceFactory = () =>
  | AdapterConformanceBackend
  | Promise<AdapterConformanceBackend>;

/** How the suite waits; the defaults suit a backend in memory or on localhost. */
export interface AdapterConformanceOptions {
  /**
   * How long something that should happen (an event, a list without the deleted conversation)
   * may take, in milliseconds. Default 2000. Tencent Cloud Chat's Web SDK emits its list about
   * once a second: give a real SDK a few seconds.
   */
  timeoutMs?: number;
  /**
   * How long to wait before concluding that something that should not happen did not (an event
   * after unsubscribing, a remote origin for one's own deletion), in milliseconds. Default 50.
   */
  settleMs?: number;
  /**
   * How the suite lets time pass; default a `setTimeout`. Waits count the time asked of `sleep`,
   * not the wall clock, so fake timers work: `sleep: (ms) => vi.advanceTimersByTimeAsync(ms)`.
   */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The longest list the check of `capabilities.maxBatchSize` sends (`maxBatchSize + 1` IDs, most
   * of them unknown). Above it that check is skipped. Default 1000.
   */
  largestOversizedList?: number;
  /** Names of checks to leave out (see `adapterConformanceCheckNames`); they are reported skipped. */
  skip?: readonly string[];
  /**
   * The time limit of each registered test, passed to the runner's `it`. Default
   * `10 * timeoutMs + 5000`, as a check may wait for several things in turn.
   */
  testTimeoutMs?: number;
}

/** The part of a test runner the suite registers its checks with: Vitest's or Jest's globals. */
export interface ConformanceTestRunner {
  describe(name: string, body: () => void): unknown;
  it(name: string, test: () => Promise<void>, timeout?: number): unknown;
}

/** The outcome of one check, from `runAdapterConformance`. */
export interface AdapterConformanceResult {
  /** The check's name, one of `adapterConformanceCheckNames`. */
  name: string;
  /** `true` when the check passed or was skipped. */
  ok: boolean;
  /** Why the check did not run (a capability the adapter does not have, a hook the factory lacks). */
  skipped?: string;
  /** What failed, when `ok` is false. */
  error?: Error;
}
