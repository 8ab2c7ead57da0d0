import type { ChatAdapter, Conversation, ConversationEvent } from '../core/types';
import {
  assert,
  ConformanceSkip,
  callAsync,
  conversationProblems,
  eventProblems,
  fail,
  show,
  waitUntil,
} from './assertions';
import type { AdapterConformanceBackend } from './types';

/** The fewest conversations a backend must list for the checks to have something to delete. */
export const MIN_CONVERSATIONS = 3;

/** The events one listener heard, checked for shape as they arrive. */
export interface EventRecorder {
  readonly events: ConversationEvent[];
  /** The adapter's unsubscribe function for this listener, called through the recorder. */
  unsubscribe(): void;
}

/** What a check works with: the fresh backend, its two devices and the helpers around them. */
export interface CheckContext {
  readonly backend: AdapterConformanceBackend;
  readonly deviceA: ChatAdapter;
  readonly deviceB: ChatAdapter;
  readonly timeoutMs: number;
  readonly largestOversizedList: number;
  /** Ends the check as skipped, saying why. */
  skip(reason: string): never;
  /** Device A's list, checked for shape; fails unless it holds at least `MIN_CONVERSATIONS`. */
  listConversations(device?: ChatAdapter): Promise<Conversation[]>;
  /** The IDs of the first `count` conversations device A lists. */
  pickListedIDs(count: number): Promise<string[]>;
  /** `count` IDs of this backend's form that it does not know. */
  unknownIDs(count: number): Promise<string[]>;
  /** Subscribes a recording listener; every recorder is unsubscribed when the check ends. */
  record(device: ChatAdapter): EventRecorder;
  /** Waits until the device lists (or no longer lists) each of the IDs. */
  waitForListing(device: ChatAdapter, ids: readonly string[], listed: boolean): Promise<void>;
  /** Waits until `condition` holds, or fails with `what`. */
  waitUntil(condition: () => boolean | Promise<boolean>, what: () => string): Promise<void>;
  /** Lets events that should not come have their chance to come. */
  settle(): Promise<void>;
  /** A message arrives in the conversation (the factory's `addMessage`). */
  addMessage(conversationID: string, text: string): Promise<void>;
  /** The backend's history length; skips the check when the factory cannot tell. */
  historyLength(conversationID: string): Promise<number>;
  /** Fails if any recorder heard an event that is not a well-formed `ConversationEvent`. */
  assertEventsWellFormed(): void;
  /** Unsubscribes every recorder. */
  dispose(): void;
}

export interface CheckTiming {
  timeoutMs: number;
  settleMs: number;
  sleep: (ms: number) => Promise<void>;
  largestOversizedList: number;
}

export function nameOfDevice(context: CheckContext, device: ChatAdapter): string {
  return device === context.deviceA ? 'device A' : 'device B';
}

/**
 * The adapter's own test of its IDs, when it has one (an optional member some adapters add).
 * Read structurally: `ChatAdapter` need not declare it for the suite to use it.
 */
export function adapterIDTest(adapter: ChatAdapter): ((value: string) => boolean) | undefined {
  const test = (adapter as { isConversationID?: unknown }).isConversationID;
  return typeof test === 'function' ? (value) => test.call(adapter, value) === true : undefined;
}

export function createCheckContext(
  backend: AdapterConformanceBackend,
  timing: CheckTiming,
): CheckContext {
  const devices = (backend as Partial<AdapterConformanceBackend> | null)?.devices;
  assert(
    Array.isArray(devices) && devices.length === 2 && devices[0] !== devices[1],
    'the factory must return {devices: [adapterA, adapterB]}: two adapters of one account',
  );
  const [deviceA, deviceB] = devices;
  const recorders: Array<{ label: string; recorder: EventRecorder }> = [];
  const wrongEvents: string[] = [];

  const context: CheckContext = {
    backend,
    deviceA,
    deviceB,
    timeoutMs: timing.timeoutMs,
    largestOversizedList: timing.largestOversizedList,

    skip(reason) {
      throw new ConformanceSkip(reason);
    },

    async listConversations(device = deviceA) {
      const label = nameOfDevice(context, device);
      const list: unknown = await callAsync(`${label}'s getConversationList()`, () =>
        device.getConversationList(),
      );
      assert(
        Array.isArray(list),
        () => `${label}'s getConversationList() resolved with ${show(list)}, not an array`,
      );
      const problems = list.flatMap(conversationProblems);
      assert(problems.length === 0, () => `${label}'s list: ${problems.slice(0, 5).join('; ')}`);
      return list as Conversation[];
    },

    async pickListedIDs(count) {
      const list = await context.listConversations(deviceA);
      assert(
        list.length >= Math.max(count, MIN_CONVERSATIONS),
        () =>
          `the suite needs at least ${Math.max(count, MIN_CONVERSATIONS)} conversations listed on device A; the factory's backend lists ${list.length}`,
      );
      return list.slice(0, count).map((conversation) => conversation.conversationID);
    },

    async unknownIDs(count) {
      const list = await context.listConversations(deviceA);
      const listed = new Set(list.map((conversation) => conversation.conversationID));
      const made = backend.unknownConversationID;
      // A system conversation's ID (Tencent's `@TIM#SYSTEM`) is often a fixed word with no room
      // for a suffix; a person's or a group's ID is the safer pattern to copy.
      const pattern = (list.find((conversation) => conversation.type !== 'SYSTEM') ?? list[0])
        ?.conversationID;
      assert(
        made !== undefined || pattern !== undefined,
        "the suite needs a listed conversation, or the factory's unknownConversationID, to make an unknown ID",
      );
      const ids = Array.from({ length: count }, (_, index) =>
        made ? made.call(backend, index) : `${pattern}_conformance_unknown_${index}`,
      );
      const isOwnID = adapterIDTest(deviceA);
      for (const id of ids) {
        assert(
          typeof id === 'string' && !listed.has(id),
          () => `unknown ID ${show(id)} is listed, or not a string`,
        );
        assert(
          isOwnID === undefined || isOwnID(id),
          () =>
            `the adapter's isConversationID refuses the made-up unknown ID ${show(id)}; give the factory an unknownConversationID(index) of the backend's form`,
        );
      }
      assert(
        new Set(ids).size === ids.length,
        'unknownConversationID must give a different ID for each index',
      );
      return ids;
    },

    record(device) {
      const label = nameOfDevice(context, device);
      const events: ConversationEvent[] = [];
      const stop: unknown = device.subscribe((event) => {
        for (const problem of eventProblems(event)) wrongEvents.push(`${label} heard ${problem}`);
        events.push(event);
      });
      assert(
        typeof stop === 'function',
        () => `${label}'s subscribe() returned ${show(stop)}, not a function to unsubscribe`,
      );
      const recorder: EventRecorder = { events, unsubscribe: () => (stop as () => void)() };
      recorders.push({ label, recorder });
      return recorder;
    },

    async waitForListing(device, ids, listed) {
      let lastIDs: string[] = [];
      await context.waitUntil(
        async () => {
          lastIDs = (await context.listConversations(device)).map((c) => c.conversationID);
          return ids.every((id) => lastIDs.includes(id) === listed);
        },
        () => {
          const wrong = ids.filter((id) => lastIDs.includes(id) !== listed);
          return `${nameOfDevice(context, device)} still ${listed ? 'does not list' : 'lists'} ${wrong.map((id) => show(id)).join(', ')}`;
        },
      );
    },

    waitUntil(condition, what) {
      return waitUntil(condition, what, timing);
    },

    settle() {
      return timing.sleep(timing.settleMs);
    },

    async addMessage(conversationID, text) {
      await backend.addMessage(conversationID, text);
    },

    async historyLength(conversationID) {
      if (typeof backend.historyLength !== 'function') {
        context.skip(
          'the factory gives no historyLength(conversationID), so history cannot be observed',
        );
      }
      const length: unknown = await backend.historyLength(conversationID);
      assert(
        typeof length === 'number' && Number.isSafeInteger(length) && length >= 0,
        () =>
          `the factory's historyLength(${show(conversationID)}) gave ${show(length)}, not a whole number`,
      );
      return length;
    },

    assertEventsWellFormed() {
      assert(wrongEvents.length === 0, () => wrongEvents.slice(0, 5).join('; '));
    },

    dispose() {
      for (const { label, recorder } of recorders.splice(0)) {
        try {
          recorder.unsubscribe();
        } catch (error) {
          fail(`${label}'s unsubscribe threw ${show(error)}`);
        }
      }
    },
  };
  return context;
}
