import { isConversationID } from '../core/conversationIds';
import type { ChatAdapter, DeleteResult } from '../core/types';
import {
  assert,
  assertDeleteResult,
  callAsync,
  deletionsIn,
  expectKitRejection,
  show,
  updatesIn,
} from './assertions';
import { adapterIDTest, type CheckContext } from './checkContext';

/** One named check of the suite. */
export interface ConformanceCheck {
  readonly name: string;
  run(context: CheckContext): Promise<void>;
}

/** The code of a result for a conversation the backend does not know (Tencent's 2500). */
const NOT_FOUND = 2500;

async function deleteOne(device: ChatAdapter, id: string): Promise<DeleteResult> {
  const what = `deleteConversation(${show(id)})`;
  return assertDeleteResult(what, await callAsync(what, () => device.deleteConversation(id)), id);
}

async function deleteList(
  device: ChatAdapter,
  ids: readonly string[],
  clearMessage: boolean,
): Promise<DeleteResult[]> {
  const what = `deleteConversationList([${ids.length > 4 ? `${ids.length} IDs` : ids.map((id) => show(id)).join(', ')}], {clearMessage: ${clearMessage}})`;
  const results: unknown = await callAsync(what, () =>
    device.deleteConversationList([...ids], { clearMessage }),
  );
  assert(
    Array.isArray(results) && results.length === ids.length,
    () =>
      `${what} must resolve with one result per ID (${ids.length}), in the order asked; got ${Array.isArray(results) ? `${results.length} results` : show(results)}`,
  );
  return ids.map((id, index) => assertDeleteResult(`${what}, result ${index}`, results[index], id));
}

function assertSucceeded(results: readonly DeleteResult[]): void {
  const failed = results.filter((result) => !result.ok);
  assert(failed.length === 0, () => `these deletions failed: ${show(failed)}`);
}

/** Adds a message so that the conversation has a history to keep or lose, and returns its length. */
async function historyBeforeDeletion(context: CheckContext, id: string): Promise<number> {
  await context.addMessage(id, 'Before the deletion');
  const length = await context.historyLength(id);
  assert(length >= 1, () => `historyLength(${show(id)}) is ${length} just after addMessage`);
  return length;
}

/** Sends a message to a deleted conversation and waits for it to be listed again. */
async function bringBack(context: CheckContext, id: string): Promise<void> {
  await context.addMessage(id, 'After the deletion');
  await context.waitForListing(context.deviceA, [id], true);
}

async function assertHistoryLength(
  context: CheckContext,
  id: string,
  expected: number,
  why: string,
): Promise<void> {
  const length = await context.historyLength(id);
  assert(
    length === expected,
    () => `historyLength(${show(id)}) is ${length}, expected ${expected}: ${why}`,
  );
}

/** Deletes with the list call and checks what a message afterwards brings back of the history. */
async function checkListDeletionHistory(
  context: CheckContext,
  clearMessage: boolean,
): Promise<void> {
  const [id] = (await context.pickListedIDs(1)) as [string];
  const before = await historyBeforeDeletion(context, id);
  assertSucceeded(await deleteList(context.deviceA, [id], clearMessage));
  await context.waitForListing(context.deviceA, [id], false);
  await bringBack(context, id);
  await assertHistoryLength(
    context,
    id,
    clearMessage ? 1 : before + 1,
    clearMessage
      ? 'with clearMessage: true only the new message may be left'
      : 'with clearMessage: false the old messages come back with the new one',
  );
}

/**
 * Every check of the suite, in the order they run. The names are stable: tests and skip lists
 * refer to them.
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  {
    name: 'lists well-formed conversations with unique IDs',
    async run(context) {
      const list = await context.listConversations(context.deviceA);
      await context.pickListedIDs(0);
      const ids = list.map((conversation) => conversation.conversationID);
      const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
      assert(
        repeated.length === 0,
        () => `the list names these IDs more than once: ${show(repeated)}`,
      );
      // The kit sorts the list itself (pinned first, then newest), so any order is fine here.
      const isOwnID = adapterIDTest(context.deviceA);
      if (isOwnID) {
        const refused = ids.filter((id) => !isOwnID(id));
        assert(
          refused.length === 0,
          () => `the adapter's isConversationID refuses listed IDs ${show(refused)}`,
        );
        return;
      }
      // Without the adapter's own test the kit checks IDs against Tencent Cloud Chat's forms
      // before every deletion, and would refuse to delete any other.
      const refused = ids.filter((id) => !isConversationID(id));
      assert(
        refused.length === 0,
        () =>
          `listed IDs ${show(refused)} are not in Tencent Cloud Chat's forms (C2C…, GROUP…, @TIM#SYSTEM, c2c_…, group_…), the only ones the kit accepts from an adapter without isConversationID(value); give the adapter one`,
      );
    },
  },
  {
    name: 'both devices list the same conversations',
    async run(context) {
      const idsOf = async (device: ChatAdapter) =>
        (await context.listConversations(device)).map((c) => c.conversationID).sort();
      const [onA, onB] = [await idsOf(context.deviceA), await idsOf(context.deviceB)];
      assert(
        show(onA) === show(onB),
        () =>
          `two devices of one account list different conversations: ${show(onA)} and ${show(onB)}`,
      );
    },
  },
  {
    name: 'declares sane capabilities',
    async run(context) {
      for (const device of [context.deviceA, context.deviceB]) {
        const capabilities = (device as Partial<ChatAdapter>).capabilities;
        const maxBatchSize = capabilities?.maxBatchSize;
        assert(
          typeof maxBatchSize === 'number' &&
            Number.isSafeInteger(maxBatchSize) &&
            maxBatchSize >= 1,
          () =>
            `capabilities.maxBatchSize must be a whole number of 1 or more, got ${show(maxBatchSize)}`,
        );
        assert(
          typeof capabilities?.keepHistory === 'boolean',
          () =>
            `capabilities.keepHistory must be true or false, got ${show(capabilities?.keepHistory)}`,
        );
        for (const method of [
          'getConversationList',
          'deleteConversation',
          'deleteConversationList',
          'subscribe',
        ] as const) {
          assert(typeof device[method] === 'function', `the adapter has no ${method} method`);
        }
      }
    },
  },
  {
    name: 'deleteConversation deletes one conversation and no other',
    async run(context) {
      const [id, ...others] = (await context.pickListedIDs(3)) as [string, string, string];
      assertSucceeded([await deleteOne(context.deviceA, id)]);
      await context.waitForListing(context.deviceA, [id], false);
      await context.waitForListing(context.deviceA, others, true);
    },
  },
  {
    name: 'deleteConversation clears the history',
    async run(context) {
      const [id] = (await context.pickListedIDs(1)) as [string];
      await historyBeforeDeletion(context, id);
      assertSucceeded([await deleteOne(context.deviceA, id)]);
      await context.waitForListing(context.deviceA, [id], false);
      await bringBack(context, id);
      await assertHistoryLength(
        context,
        id,
        1,
        'deleteConversation deletes the history, so only the new message is left',
      );
    },
  },
  {
    name: 'deleteConversationList deletes the given conversations and no other',
    async run(context) {
      const [first, second, other] = (await context.pickListedIDs(3)) as [string, string, string];
      // Keeping history where the adapter can, as the kit's default confirmation does.
      const clearMessage = !context.deviceA.capabilities.keepHistory;
      assertSucceeded(await deleteList(context.deviceA, [first, second], clearMessage));
      await context.waitForListing(context.deviceA, [first, second], false);
      await context.waitForListing(context.deviceA, [other], true);
    },
  },
  {
    name: 'deleteConversationList keeps the history when asked',
    async run(context) {
      if (!context.deviceA.capabilities.keepHistory) {
        // The kit never asks such an adapter to keep history; if it were asked, clearing the
        // history anyway would lose what the person chose to keep.
        const [id] = (await context.pickListedIDs(1)) as [string];
        await expectKitRejection(
          `deleteConversationList([${show(id)}], {clearMessage: false}) with keepHistory false`,
          () => context.deviceA.deleteConversationList([id], { clearMessage: false }),
          ['INVALID_ARGUMENT', 'ADAPTER_FAILED'],
        );
        await context.settle();
        await context.waitForListing(context.deviceA, [id], true);
        return;
      }
      await checkListDeletionHistory(context, false);
    },
  },
  {
    name: 'deleteConversationList clears the history when asked',
    async run(context) {
      await checkListDeletionHistory(context, true);
    },
  },
  {
    name: 'deleteConversationList answers one result per ID, in the order asked',
    async run(context) {
      const [first, second, third] = (await context.pickListedIDs(3)) as [string, string, string];
      // Not the list's order: an adapter that answers in its own order fails.
      const results = await deleteList(context.deviceA, [third, first, second], true);
      assertSucceeded(results);
    },
  },
  {
    name: 'an unknown ID fails with 2500 (not found) and the others are deleted',
    async run(context) {
      const [first, second, other] = (await context.pickListedIDs(3)) as [string, string, string];
      const [unknown] = (await context.unknownIDs(1)) as [string];
      const results = await deleteList(context.deviceA, [first, unknown, second], true);
      assertSucceeded([results[0] as DeleteResult, results[2] as DeleteResult]);
      const missing = results[1] as DeleteResult;
      assert(
        !missing.ok && missing.code === NOT_FOUND,
        () => `the unknown ID must fail with code ${NOT_FOUND} (not found), got ${show(missing)}`,
      );
      await context.waitForListing(context.deviceA, [first, second], false);
      await context.waitForListing(context.deviceA, [other], true);
    },
  },
  {
    name: 'deleteConversation of an unknown ID resolves with 2500 (not found)',
    async run(context) {
      const listed = await context.pickListedIDs(3);
      const [unknown] = (await context.unknownIDs(1)) as [string];
      const result = await deleteOne(context.deviceA, unknown);
      assert(
        !result.ok && result.code === NOT_FOUND,
        () =>
          `deleteConversation of an unknown ID must resolve with code ${NOT_FOUND}, got ${show(result)}`,
      );
      await context.waitForListing(context.deviceA, listed, true);
    },
  },
  {
    name: 'a list longer than maxBatchSize is sent whole or refused, never cut',
    async run(context) {
      const { maxBatchSize } = context.deviceA.capabilities;
      const size = maxBatchSize + 1;
      if (size > context.largestOversizedList) {
        context.skip(
          `maxBatchSize + 1 (${size}) is above largestOversizedList (${context.largestOversizedList})`,
        );
      }
      const [first, last, other] = (await context.pickListedIDs(3)) as [string, string, string];
      // The last ID is one past the batch size, where a silent cut (the Web SDK's) would drop it.
      const ids = [first, ...(await context.unknownIDs(size - 2)), last];
      const what = `deleteConversationList of ${size} IDs, one more than maxBatchSize`;
      let results: unknown;
      try {
        results = await callAsync(what, () =>
          context.deviceA.deleteConversationList(ids, { clearMessage: true }),
        );
      } catch (error) {
        const refusal = error as { name?: unknown; code?: unknown } | null;
        if (refusal?.name === 'AdapterConformanceError') throw error;
        assert(
          refusal?.name === 'ConversationKitError' && refusal.code === 'BATCH_TOO_LARGE',
          () =>
            `${what} rejected with ${show(error)}; a refusal must be a ConversationKitError of code BATCH_TOO_LARGE`,
        );
        await context.settle();
        await context.waitForListing(context.deviceA, [first, last, other], true);
        return;
      }
      // Not refused: then sent whole, in chunks the adapter makes itself.
      assert(
        Array.isArray(results) && results.length === size,
        () =>
          `${what} resolved with ${Array.isArray(results) ? results.length : show(results)} results; it must answer for all ${size} (or reject with BATCH_TOO_LARGE)`,
      );
      const typed = ids.map((id, index) =>
        assertDeleteResult(`${what}, result ${index}`, results[index], id),
      );
      assertSucceeded([typed[0] as DeleteResult, typed[size - 1] as DeleteResult]);
      await context.waitForListing(context.deviceA, [first, last], false);
      await context.waitForListing(context.deviceA, [other], true);
    },
  },
  {
    name: 'invalid input rejects with a ConversationKitError and deletes nothing',
    async run(context) {
      const listed = await context.pickListedIDs(3);
      const [id] = listed as [string];
      const adapter = context.deviceA as {
        deleteConversation(value: unknown): Promise<unknown>;
        deleteConversationList(value: unknown, options: unknown): Promise<unknown>;
      };
      const cases: Array<[string, () => Promise<unknown>, string]> = [
        [
          'deleteConversationList([])',
          () => adapter.deleteConversationList([], { clearMessage: true }),
          'EMPTY_SELECTION',
        ],
        [
          `deleteConversationList([${show(id)}, ${show(id)}])`,
          () => adapter.deleteConversationList([id, id], { clearMessage: true }),
          'DUPLICATE_CONVERSATION_ID',
        ],
        [
          `deleteConversationList([${show(id)}, 42])`,
          () => adapter.deleteConversationList([id, 42], { clearMessage: true }),
          'INVALID_CONVERSATION_ID',
        ],
        [
          `deleteConversationList([${show(id)}, null])`,
          () => adapter.deleteConversationList([id, null], { clearMessage: true }),
          'INVALID_CONVERSATION_ID',
        ],
        [
          `deleteConversationList([${show(id)}, ''])`,
          () => adapter.deleteConversationList([id, ''], { clearMessage: true }),
          'INVALID_CONVERSATION_ID',
        ],
        [
          `deleteConversationList(${show(id)})`,
          () => adapter.deleteConversationList(id, { clearMessage: true }),
          'INVALID_ARGUMENT',
        ],
        [
          `deleteConversationList([${show(id)}]) without options`,
          () => adapter.deleteConversationList([id], undefined),
          'INVALID_ARGUMENT',
        ],
        [
          `deleteConversationList([${show(id)}], {clearMessage: 'yes'})`,
          () => adapter.deleteConversationList([id], { clearMessage: 'yes' }),
          'INVALID_ARGUMENT',
        ],
        ['deleteConversation(42)', () => adapter.deleteConversation(42), 'INVALID_CONVERSATION_ID'],
        [
          'deleteConversation(undefined)',
          () => adapter.deleteConversation(undefined),
          'INVALID_CONVERSATION_ID',
        ],
        ["deleteConversation('')", () => adapter.deleteConversation(''), 'INVALID_CONVERSATION_ID'],
      ];
      for (const [what, call, code] of cases) await expectKitRejection(what, call, code);
      await context.settle();
      // Before any backend call: nothing of the valid IDs in those calls was deleted.
      await context.waitForListing(context.deviceA, listed, true);
    },
  },
  {
    name: 'no method throws synchronously',
    async run(context) {
      const [id] = (await context.pickListedIDs(1)) as [string];
      const [unknown] = (await context.unknownIDs(1)) as [string];
      const adapter = context.deviceA as unknown as Record<
        string,
        (...args: unknown[]) => Promise<unknown>
      >;
      const calls: Array<[string, unknown[]]> = [
        ['getConversationList', []],
        ['deleteConversation', [unknown]],
        ['deleteConversation', [undefined]],
        ['deleteConversation', [{ conversationID: id }]],
        ['deleteConversationList', [[unknown], { clearMessage: true }]],
        ['deleteConversationList', [undefined, undefined]],
        ['deleteConversationList', [[id, id], { clearMessage: true }]],
        ['deleteConversationList', [[Symbol('id')], { clearMessage: true }]],
        ['deleteConversationList', [[id], null]],
      ];
      for (const [method, args] of calls) {
        const what = `${method}(${args.map((arg) => (typeof arg === 'symbol' ? 'a symbol' : show(arg))).join(', ')})`;
        // Settled, either way: only a synchronous throw (or no promise) fails this check.
        await callAsync(what, () =>
          (adapter[method] as (...a: unknown[]) => Promise<unknown>).apply(adapter, args),
        ).catch((error: unknown) => {
          if ((error as Error | null)?.name === 'AdapterConformanceError') throw error;
        });
      }
    },
  },
  {
    name: 'a deletion on one device reaches the other as a remote conversationsDeleted',
    async run(context) {
      if (!context.backend.multiDeviceSync) {
        context.skip('the factory says multi-device sync is off (multiDeviceSync is not true)');
      }
      const [id] = (await context.pickListedIDs(1)) as [string];
      const onB = context.record(context.deviceB);
      // As the kit does: listening first, then reading the list the events apply to.
      await context.listConversations(context.deviceB);
      assertSucceeded([await deleteOne(context.deviceA, id)]);
      await context.waitUntil(
        () => deletionsIn(onB.events).some((d) => d.conversationID === id && d.origin === 'remote'),
        () =>
          `device B has not heard conversationsDeleted of ${show(id)} with origin 'remote' (heard ${show(onB.events)})`,
      );
      const asLocal = deletionsIn(onB.events).filter(
        (d) => d.conversationID === id && d.origin === 'local',
      );
      assert(asLocal.length === 0, 'device B heard the deletion of device A as local');
      await context.waitForListing(context.deviceB, [id], false);
    },
  },
  {
    name: 'the deleting device never hears its own deletion as remote',
    async run(context) {
      const [single, listed] = (await context.pickListedIDs(2)) as [string, string];
      const onA = context.record(context.deviceA);
      await context.listConversations(context.deviceA);
      assertSucceeded([await deleteOne(context.deviceA, single)]);
      assertSucceeded(await deleteList(context.deviceA, [listed], true));
      await context.waitForListing(context.deviceA, [single, listed], false);
      await context.settle();
      // Hearing it as local, or not at all, are both fine: the kit removes the rows itself.
      const asRemote = deletionsIn(onA.events).filter((d) => d.origin === 'remote');
      assert(
        asRemote.length === 0,
        () =>
          `device A heard its own deletions as remote: ${show(asRemote)} (a remote deletion is announced to the person)`,
      );
    },
  },
  {
    name: 'a new message brings a deleted conversation back as conversationsUpdated',
    async run(context) {
      const [id] = (await context.pickListedIDs(1)) as [string];
      const onA = context.record(context.deviceA);
      await context.listConversations(context.deviceA);
      assertSucceeded([await deleteOne(context.deviceA, id)]);
      await context.waitForListing(context.deviceA, [id], false);
      const heardBefore = onA.events.length;
      const text = 'Back again';
      await context.addMessage(id, text);
      await context.waitUntil(
        () => updatesIn(onA.events.slice(heardBefore)).some((c) => c.conversationID === id),
        () =>
          `device A has not heard conversationsUpdated with ${show(id)} after a message arrived (heard ${show(onA.events.slice(heardBefore))})`,
      );
      const back = updatesIn(onA.events.slice(heardBefore))
        .filter((c) => c.conversationID === id)
        .at(-1);
      assert(
        back?.lastMessage === undefined || back.lastMessage.text === text,
        () =>
          `the conversation came back with lastMessage ${show(back?.lastMessage)}, not the message that brought it back`,
      );
      await context.waitForListing(context.deviceA, [id], true);
    },
  },
  {
    name: 'unsubscribing stops events',
    async run(context) {
      const [messaged, deleted] = (await context.pickListedIDs(2)) as [string, string];
      const stopped = context.record(context.deviceA);
      const still = context.record(context.deviceA);
      const stoppedOnB = context.record(context.deviceB);
      await context.listConversations(context.deviceA);
      await context.listConversations(context.deviceB);
      stopped.unsubscribe();
      stoppedOnB.unsubscribe();
      // A second call must be harmless, and must not stop the other listener.
      stopped.unsubscribe();
      await context.addMessage(messaged, 'After unsubscribing');
      await context.waitUntil(
        () => updatesIn(still.events).some((c) => c.conversationID === messaged),
        () =>
          `a listener still subscribed on device A has not heard conversationsUpdated of ${show(messaged)} after a message arrived`,
      );
      assertSucceeded([await deleteOne(context.deviceA, deleted)]);
      await context.waitForListing(context.deviceA, [deleted], false);
      await context.settle();
      const heard = [...stopped.events, ...stoppedOnB.events];
      assert(
        heard.length === 0,
        () => `listeners heard events after unsubscribing: ${show(heard)}`,
      );
    },
  },
];

/** The names of the suite's checks, in the order they run (for `options.skip`). */
export const adapterConformanceCheckNames: readonly string[] = conformanceChecks.map(
  (check) => check.name,
);
