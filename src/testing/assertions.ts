import type { Conversation, ConversationEvent, DeleteResult } from '../core/types';

// Plain assertions that throw `Error`s, so that the suite runs in any test runner (Vitest, Jest,
// node:test, a script) without borrowing one runner's `expect`.

/** A failed conformance check: the message says what the adapter did and what the kit expects. */
export class AdapterConformanceError extends Error {
  override readonly name = 'AdapterConformanceError';
}

/** Thrown by a check that cannot run against this backend; the runners report it as skipped. */
export class ConformanceSkip extends Error {
  override readonly name = 'ConformanceSkip';
}

export function fail(message: string): never {
  throw new AdapterConformanceError(message);
}

export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) fail(typeof message === 'string' ? message : message());
}

/** A short, readable rendering of any value for a failure message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Calls an adapter method that must answer with a promise. A synchronous throw fails the check:
 * the kit calls adapters from event handlers and effects, where a throw escapes every `catch`
 * of the promise chain.
 */
export function callAsync<T>(what: string, call: () => Promise<T>): Promise<T> {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    fail(`${what} threw synchronously (${show(error)}); it must return a rejected promise instead`);
  }
  assert(isThenable(returned), () => `${what} returned ${show(returned)}, not a promise`);
  return Promise.resolve(returned as PromiseLike<T>);
}

/** Awaits an adapter call that must reject with a `ConversationKitError` of `code`. */
export async function expectKitRejection(
  what: string,
  call: () => Promise<unknown>,
  code: string | readonly string[],
): Promise<void> {
  let outcome: { resolved: unknown } | { rejected: unknown };
  try {
    outcome = { resolved: await callAsync(what, call) };
  } catch (error) {
    if (error instanceof AdapterConformanceError) throw error;
    outcome = { rejected: error };
  }
  const codes = typeof code === 'string' ? [code] : code;
  const expected = `a ConversationKitError of code ${codes.join(' or ')}`;
  if ('resolved' in outcome) {
    fail(`${what} resolved with ${show(outcome.resolved)}; it must reject with ${expected}`);
  }
  const error = outcome.rejected as { name?: unknown; code?: unknown } | null;
  // By name rather than `instanceof`: an adapter may be built against another copy of the kit.
  assert(
    error?.name === 'ConversationKitError' && codes.includes(error.code as string),
    () => `${what} rejected with ${show(outcome.rejected)}; it must reject with ${expected}`,
  );
}

/** Waits for `condition`, counting the time asked of `sleep` (so fake timers can drive it). */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: () => string,
  timing: { timeoutMs: number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  // About a hundred looks at most: conditions may ask a real backend for its list each time.
  const step = Math.max(1, Math.min(25, Math.round(timing.timeoutMs / 100)));
  let waited = 0;
  for (;;) {
    if (await condition()) return;
    if (waited >= timing.timeoutMs) fail(`after ${timing.timeoutMs} ms, ${what()}`);
    await timing.sleep(step);
    waited += step;
  }
}

const conversationTypes: ReadonlySet<string> = new Set(['C2C', 'GROUP', 'SYSTEM']);

function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** What is wrong with a value that should be a `Conversation`; empty when nothing is. */
export function conversationProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`${show(value)} is not an object`];
  const conversation = value as Record<keyof Conversation, unknown>;
  const id = conversation.conversationID;
  const problems: string[] = [];
  const problem = (text: string) => problems.push(`conversation ${show(id)}: ${text}`);
  if (typeof id !== 'string' || id === '') problem('conversationID must be a non-empty string');
  if (!conversationTypes.has(conversation.type as string)) {
    problem(`type must be 'C2C', 'GROUP' or 'SYSTEM', got ${show(conversation.type)}`);
  }
  if (typeof conversation.displayName !== 'string') {
    problem(`displayName must be a string, got ${show(conversation.displayName)}`);
  }
  if (conversation.avatarUrl !== undefined && typeof conversation.avatarUrl !== 'string') {
    problem(`avatarUrl must be a string or absent, got ${show(conversation.avatarUrl)}`);
  }
  const lastMessage = conversation.lastMessage as { text?: unknown; timestamp?: unknown } | null;
  if (lastMessage !== undefined) {
    const wellFormed =
      typeof lastMessage === 'object' &&
      lastMessage !== null &&
      typeof lastMessage.text === 'string' &&
      typeof lastMessage.timestamp === 'number' &&
      Number.isFinite(lastMessage.timestamp) &&
      lastMessage.timestamp >= 0;
    if (!wellFormed) {
      problem(
        `lastMessage must be absent or {text: string, timestamp: ms since the epoch}, got ${show(lastMessage)}`,
      );
    }
  }
  if (!isNonNegativeInteger(conversation.unreadCount)) {
    problem(`unreadCount must be a whole number ≥ 0, got ${show(conversation.unreadCount)}`);
  }
  if (typeof conversation.isPinned !== 'boolean') {
    problem(`isPinned must be true or false, got ${show(conversation.isPinned)}`);
  }
  return problems;
}

/** What is wrong with a value that should be a `ConversationEvent`; empty when nothing is. */
export function eventProblems(value: unknown): string[] {
  const event = value as Partial<Record<string, unknown>> | null;
  if (event?.type === 'conversationsDeleted') {
    const ids = event.conversationIDs;
    const problems: string[] = [];
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      problems.push(`conversationsDeleted must carry conversationIDs: string[], got ${show(ids)}`);
    }
    if (event.origin !== 'local' && event.origin !== 'remote') {
      problems.push(
        `conversationsDeleted must have origin 'local' or 'remote', got ${show(event.origin)}`,
      );
    }
    return problems;
  }
  if (event?.type === 'conversationsUpdated') {
    const conversations = event.conversations;
    if (!Array.isArray(conversations)) {
      return [
        `conversationsUpdated must carry conversations: Conversation[], got ${show(conversations)}`,
      ];
    }
    return conversations.flatMap(conversationProblems);
  }
  return [`not a ConversationEvent: ${show(value)}`];
}

/** Checks that a value is the `DeleteResult` of `conversationID`, and returns it typed. */
export function assertDeleteResult(
  what: string,
  value: unknown,
  conversationID: string,
): DeleteResult {
  const result = value as Partial<Record<keyof DeleteResult, unknown>> | null;
  assert(
    typeof result === 'object' &&
      result !== null &&
      typeof result.ok === 'boolean' &&
      typeof result.code === 'number' &&
      typeof result.message === 'string',
    () => `${what}: ${show(value)} is not a DeleteResult {conversationID, ok, code, message}`,
  );
  assert(
    result.conversationID === conversationID,
    () =>
      `${what}: the result names ${show(result.conversationID)}, expected ${show(conversationID)}`,
  );
  assert(
    result.ok === (result.code === 0),
    () => `${what}: ok must be true exactly when code is 0, got ${show(value)}`,
  );
  return value as DeleteResult;
}

/** The IDs a list of events says were deleted, with the origin they were told with. */
export function deletionsIn(
  events: readonly ConversationEvent[],
): Array<{ conversationID: string; origin: string }> {
  return events.flatMap((event) =>
    event.type === 'conversationsDeleted' && Array.isArray(event.conversationIDs)
      ? event.conversationIDs.map((conversationID) => ({ conversationID, origin: event.origin }))
      : [],
  );
}

/** The conversations a list of events says were added or changed. */
export function updatesIn(events: readonly ConversationEvent[]): Conversation[] {
  return events.flatMap((event) =>
    event.type === 'conversationsUpdated' && Array.isArray(event.conversations)
      ? event.conversations
      : [],
  );
}
