import { CancelledError, QueryClient, QueryObserver } from '@tanstack/react-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConnectOptions,
  createMemoryChatServer,
  DEFAULT_REFERENCE_TIME,
  type MemoryChatServer,
} from '../../src/adapters/memory';
import {
  type ChatAdapter,
  type Conversation,
  type ConversationEvent,
  ConversationKitError,
  type ConversationKitErrorCode,
} from '../../src/core';
import {
  type ConversationKitRuntime,
  compareConversations,
  createConversationKitRuntime,
  type DeletionOutcome,
} from '../../src/runtime';
import { type ConversationStore, createConversationStore } from '../../src/store';
import { conversation, nextTask } from '../fixtures';

// A model-based test of the deletion flows: two devices of one person, each with the kit's
// runtime (adapter + query cache + store), and a third device without the kit, all on one
// in-memory server with multi-client sync on. Random interleavings of selection, single and
// batch deletions, confirmations, remote deletions, arriving messages, faults and time passing
// must always end with every list equal to the server's truth, and nothing deleted that no one
// asked to delete.
// The host's query cache is among the actors: refetches of the list (`fetchQuery` with
// `staleTime: 0`, `refetchQueries`, `invalidateQueries` on A, whose list is watched by a query
// observer as `useQuery` would), started unawaited so that their answers land in the middle of
// deletions, events and rollbacks, and `cancelQueries`, which the usual optimistic-update recipe
// calls. The races they once lost are told as stories in tests/runtime/deletionRaces.test.ts; one
// too unlikely at these weights for the model to find at random (four refetches started while one
// answer waits to be written) is in tests/runtime/refetchBurstRace.test.ts.

type DeviceName = 'A' | 'B';

interface Device {
  name: DeviceName;
  runtime: ConversationKitRuntime;
  store: ConversationStore;
  queryClient: QueryClient;
  /** What the runtime told its subscribers, in order. */
  events: ConversationEvent[];
  disconnect: () => void;
}

function listOf(device: Device): Conversation[] {
  return device.queryClient.getQueryData<Conversation[]>(device.runtime.queryKey) ?? [];
}

function idsOf(conversations: readonly Conversation[]): string[] {
  return conversations.map((item) => item.conversationID);
}

function listedIDs(device: Device): string[] {
  return idsOf(listOf(device));
}

async function connectDevice(
  server: MemoryChatServer,
  name: DeviceName,
  options?: ConnectOptions & {
    /** Watches the list with a query observer, as a mounted `useQuery` would. */
    observed?: boolean;
  },
): Promise<Device> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const store = createConversationStore();
  const runtime = createConversationKitRuntime({
    adapter: server.connect(name, options),
    queryClient,
    store,
  });
  const disconnectRuntime = runtime.connect();
  const events: ConversationEvent[] = [];
  runtime.subscribe((event) => events.push(event));
  await queryClient.fetchQuery({ ...runtime.queryOptions });
  const unobserve = options?.observed
    ? new QueryObserver(queryClient, {
        ...runtime.queryOptions,
      }).subscribe(() => undefined)
    : () => undefined;
  const disconnect = () => {
    unobserve();
    disconnectRuntime();
  };
  return { name, runtime, store, queryClient, events, disconnect };
}

function nextMicrotasks(count: number): Promise<void> {
  let chain = Promise.resolve();
  for (let index = 0; index < count; index += 1) chain = chain.then(() => undefined);
  return chain;
}

// ----- the actions -----

type Action =
  | { kind: 'toggle'; device: DeviceName; index: number }
  | { kind: 'deselect'; device: DeviceName; index: number }
  | { kind: 'selectAll'; device: DeviceName }
  | { kind: 'selectionMode'; device: DeviceName; on: boolean }
  | { kind: 'openSwipe'; device: DeviceName; index: number }
  /** Deletes one conversation: a listed one (picked by index within the list) or any. */
  | {
      kind: 'deleteOne';
      device: DeviceName;
      index: number;
      fromList: boolean;
      clearHistory: boolean;
    }
  | { kind: 'deleteSelection'; device: DeviceName; clearHistory: boolean }
  | { kind: 'deleteSome'; device: DeviceName; indexes: number[]; clearHistory: boolean }
  /** Opens the confirmation for some rows (as the swipe's Delete or the toolbar would). */
  | { kind: 'request'; device: DeviceName; indexes: number[]; clearHistory: boolean }
  /** Presses Delete in the confirmation (what `useDeletionRequest().confirm` does). */
  | { kind: 'confirm'; device: DeviceName }
  | { kind: 'stop'; device: DeviceName }
  /** The person's phone, which has no kit, deletes a conversation straight through its adapter. */
  | { kind: 'phoneDeletes'; index: number; clearHistory: boolean }
  | { kind: 'receiveMessage'; index: number }
  | { kind: 'failIDs'; indexes: number[] }
  | { kind: 'rejectNextCall' }
  | { kind: 'failNextCall' }
  /** The host refetches the list, unawaited; `invalidateQueries` refetches only an observed list. */
  | { kind: 'refetch'; device: DeviceName; how: RefetchHow }
  /** The host cancels a running fetch (reverting to the data from before it). */
  | { kind: 'cancelFetch'; device: DeviceName }
  | { kind: 'microtasks'; count: number }
  | { kind: 'task' };

type RefetchHow = 'fetchQuery' | 'refetchQueries' | 'invalidateQueries';

const CONVERSATIONS = 12;

const deviceArb = fc.constantFrom<DeviceName>('A', 'B');
const indexArb = fc.nat({ max: CONVERSATIONS - 1 });
const indexesArb = fc.uniqueArray(indexArb, { minLength: 1, maxLength: 8 });

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('toggle'), device: deviceArb, index: indexArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deselect'), device: deviceArb, index: indexArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('selectAll'), device: deviceArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('selectionMode'),
      device: deviceArb,
      on: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('openSwipe'), device: deviceArb, index: indexArb }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('deleteOne'),
      device: deviceArb,
      index: indexArb,
      fromList: fc.constantFrom(true, true, true, false),
      clearHistory: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deleteSelection'),
      device: deviceArb,
      clearHistory: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deleteSome'),
      device: deviceArb,
      indexes: indexesArb,
      clearHistory: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('request'),
      device: deviceArb,
      indexes: indexesArb,
      clearHistory: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('confirm'), device: deviceArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stop'), device: deviceArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('phoneDeletes'),
      index: indexArb,
      clearHistory: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('receiveMessage'), index: indexArb }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('failIDs'), indexes: indexesArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rejectNextCall') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failNextCall') }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refetch'),
      device: deviceArb,
      how: fc.constantFrom<RefetchHow>('fetchQuery', 'refetchQueries', 'invalidateQueries'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelFetch'), device: deviceArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('microtasks'),
      count: fc.integer({ min: 1, max: 12 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('task') }) },
) as fc.Arbitrary<Action>;

// ----- running a scenario -----

interface StartedDeletion {
  device: DeviceName;
  ids: string[];
  clearHistory: boolean;
  /** What the call should reject with, judged from the device's state when it was made. */
  expectedError: ConversationKitErrorCode | null;
  /** IDs already in flight on that device when the call was made. */
  inFlightBefore: ReadonlySet<string>;
  settled: Promise<{ outcome?: DeletionOutcome; error?: unknown }>;
}

/** What each device (and the phone) asked to delete: ID → the clear-history choices asked. */
type Asked = Map<string, Map<string, Set<boolean>>>;

function noteAsked(asked: Asked, device: string, ids: readonly string[], clearHistory: boolean) {
  let byID = asked.get(device);
  if (!byID) {
    byID = new Map();
    asked.set(device, byID);
  }
  for (const id of ids) {
    const choices = byID.get(id) ?? new Set<boolean>();
    choices.add(clearHistory);
    byID.set(id, choices);
  }
}

function expectedRejection(
  device: Device,
  ids: readonly string[],
): ConversationKitErrorCode | null {
  if (ids.length === 0) return 'EMPTY_SELECTION';
  const known = new Set([
    ...listedIDs(device),
    ...device.runtime.deletionState.getState().inFlightIDs,
  ]);
  return ids.every((id) => known.has(id)) ? null : 'UNKNOWN_CONVERSATION_ID';
}

/** What must hold between any two actions, not only at the end. */
function expectStoreMatchesList(device: Device): void {
  const listed = listedIDs(device);
  const present = new Set(listed);
  const state = device.store.getState();
  expect(state.orderedIDs, `${device.name}: store order = cached list`).toEqual(listed);
  for (const id of state.selectedIDs) {
    expect(present.has(id), `${device.name}: selected ${id} is listed`).toBe(true);
  }
  if (state.openSwipeID !== null) {
    expect(present.has(state.openSwipeID), `${device.name}: open swipe is listed`).toBe(true);
    expect(state.selectionMode, `${device.name}: no swipe in selection mode`).toBe(false);
  }
  for (const id of state.pendingDeletion?.conversationIDs ?? []) {
    expect(present.has(id), `${device.name}: pending ${id} is listed`).toBe(true);
  }
  // In-flight IDs are usually out of the list, but a message arriving meanwhile brings the row back.
}

async function runScenario(seed: number, actions: readonly Action[]): Promise<void> {
  let clock = DEFAULT_REFERENCE_TIME;
  const server = createMemoryChatServer({
    conversations: CONVERSATIONS,
    seed,
    multiClientSync: true,
    latencyMs: 0,
    now: () => {
      clock += 1_000;
      return clock;
    },
  });
  const allIDs = idsOf(server.listConversations());
  const idAt = (index: number) => allIDs[index % allIDs.length] as string;
  // A sends chunks of 3 (so batches have several chunks, concurrency and stop matter); B sends 100.
  // A's list is watched by a query observer (a mounted `useQuery`); B's is not.
  const a = await connectDevice(server, 'A', { maxBatchSize: 3, observed: true });
  const b = await connectDevice(server, 'B');
  const devices = { A: a, B: b };
  const phone: ChatAdapter = server.connect('phone');
  const asked: Asked = new Map();
  const started: StartedDeletion[] = [];
  const phoneCalls: Promise<unknown>[] = [];
  const refetches: Promise<void>[] = [];

  // Outside the model's own actions, only a deletion's rollback may add to a selection: rows
  // that were selected when their deletion started, and only while selection mode is on.
  let modelActing = false;
  const reselectable = { A: new Set<string>(), B: new Set<string>() };
  const selectionViolations: string[] = [];
  for (const device of [a, b]) {
    device.store.subscribe((state, previous) => {
      if (modelActing || state.selectedIDs === previous.selectedIDs) return;
      for (const id of state.selectedIDs) {
        if (previous.selectedIDs.has(id)) continue;
        if (!state.selectionMode) {
          selectionViolations.push(`${device.name}: ${id} selected outside selection mode`);
        }
        if (!reselectable[device.name].has(id)) {
          selectionViolations.push(`${device.name}: ${id} selected, never asked to delete`);
        }
      }
    });
  }

  function refetch(device: Device, how: RefetchHow): void {
    const { queryClient, runtime } = device;
    const fetching =
      how === 'fetchQuery'
        ? queryClient.fetchQuery({
            ...runtime.queryOptions,
            staleTime: 0,
          })
        : how === 'refetchQueries'
          ? queryClient.refetchQueries({ queryKey: runtime.queryKey })
          : queryClient.invalidateQueries({ queryKey: runtime.queryKey });
    // A fetch cancelled by a later one (or by `cancelQueries`) is no failure.
    refetches.push(
      fetching.then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof CancelledError)) throw error;
        },
      ),
    );
  }

  function startDeletion(device: Device, ids: string[], clearHistory: boolean): void {
    // deleteConversations first applies the events its device heard; so does the prediction.
    device.runtime.applyPendingEvents();
    const expectedError = expectedRejection(device, ids);
    const inFlightBefore = new Set(device.runtime.deletionState.getState().inFlightIDs);
    const { selectedIDs } = device.store.getState();
    for (const id of ids) if (selectedIDs.has(id)) reselectable[device.name].add(id);
    noteAsked(asked, device.name, ids, clearHistory);
    const settled = device.runtime.deleteConversations(ids, { clearHistory }).then(
      (outcome) => ({ outcome }),
      (error: unknown) => ({ error }),
    );
    started.push({
      device: device.name,
      ids,
      clearHistory,
      expectedError,
      inFlightBefore,
      settled,
    });
  }

  for (const action of actions) {
    modelActing = action.kind !== 'microtasks' && action.kind !== 'task';
    switch (action.kind) {
      case 'toggle':
        devices[action.device].store.getState().toggle(idAt(action.index));
        break;
      case 'deselect':
        devices[action.device].store.getState().setSelected(idAt(action.index), false);
        break;
      case 'selectAll':
        devices[action.device].store.getState().selectAll();
        break;
      case 'selectionMode':
        if (action.on) devices[action.device].store.getState().enterSelectionMode();
        else devices[action.device].store.getState().exitSelectionMode();
        break;
      case 'openSwipe':
        devices[action.device].store.getState().openSwipe(idAt(action.index));
        break;
      case 'deleteOne': {
        const device = devices[action.device];
        const listed = listedIDs(device);
        const id =
          action.fromList && listed.length > 0
            ? (listed[action.index % listed.length] as string)
            : idAt(action.index);
        startDeletion(device, [id], action.clearHistory);
        break;
      }
      case 'deleteSelection': {
        const device = devices[action.device];
        startDeletion(device, [...device.store.getState().selectedIDs], action.clearHistory);
        break;
      }
      case 'deleteSome':
        startDeletion(devices[action.device], action.indexes.map(idAt), action.clearHistory);
        break;
      case 'request':
        devices[action.device].store
          .getState()
          .requestDeletion(action.indexes.map(idAt), { clearHistory: action.clearHistory });
        break;
      case 'confirm': {
        const device = devices[action.device];
        // As runtime.confirmDeletion does: what the device heard shrinks the request first.
        device.runtime.applyPendingEvents();
        const request = device.store.getState().takePendingDeletion();
        if (request) {
          startDeletion(device, request.conversationIDs, request.clearHistory);
          // A confirmed request names only listed rows: it never fails validation.
          expect(started.at(-1)?.expectedError).toBeNull();
        }
        break;
      }
      case 'stop':
        devices[action.device].runtime.stop();
        break;
      case 'phoneDeletes': {
        const id = idAt(action.index);
        noteAsked(asked, 'phone', [id], action.clearHistory);
        phoneCalls.push(
          action.clearHistory
            ? phone.deleteConversation(id)
            : phone.deleteConversationList([id], { clearMessage: false }),
        );
        break;
      }
      case 'receiveMessage':
        server.receiveMessage(idAt(action.index), 'Are you still there?');
        break;
      case 'failIDs':
        server.failNext({ conversationIDs: action.indexes.map(idAt), code: 2999 });
        break;
      case 'rejectNextCall':
        server.failNext({ call: 'reject', code: 2024 });
        break;
      case 'failNextCall':
        server.failNext({ code: 2501 });
        break;
      case 'refetch':
        refetch(devices[action.device], action.how);
        break;
      case 'cancelFetch': {
        const { queryClient, runtime } = devices[action.device];
        refetches.push(queryClient.cancelQueries({ queryKey: runtime.queryKey }));
        break;
      }
      case 'microtasks':
        await nextMicrotasks(action.count);
        break;
      case 'task':
        await nextTask();
        break;
    }
    modelActing = false;
    expectStoreMatchesList(a);
    expectStoreMatchesList(b);
    expect(selectionViolations).toEqual([]);
  }

  const settlements = await Promise.all(started.map((deletion) => deletion.settled));
  await Promise.all(phoneCalls);
  await Promise.all(refetches);
  await nextTask();
  await nextTask();
  expect(selectionViolations).toEqual([]);

  // Each call resolved or rejected as its input deserved.
  settlements.forEach((settlement, index) => {
    const deletion = started[index] as StartedDeletion;
    if (deletion.expectedError === null) {
      expect(settlement.error, `deletion ${index} of ${deletion.ids}`).toBeUndefined();
      const outcome = settlement.outcome as DeletionOutcome;
      const requested = [...new Set(deletion.ids)];
      expect(new Set(outcome.requested)).toEqual(new Set(requested));
      expect(outcome.clearHistory).toBe(deletion.clearHistory);
      // Every requested ID ends in exactly one bucket.
      const buckets = [
        ...outcome.skipped,
        ...outcome.deleted,
        ...outcome.failed.map((result) => result.conversationID),
        ...outcome.notSent,
      ];
      expect(buckets.sort()).toEqual([...requested].sort());
      for (const id of outcome.skipped) expect(deletion.inFlightBefore.has(id)).toBe(true);
      // Failures are the injected faults only. 2500 ("not found": another device deleted it
      // first) is a deletion, even when a message brought the conversation back before the
      // result arrived (tests/runtime/deletionRaces.test.ts).
      for (const result of outcome.failed) {
        expect([2024, 2999, 2501]).toContain(result.code);
      }
      if (!outcome.stopped) expect(outcome.notSent).toEqual([]);
    } else {
      expect(settlement.error).toBeInstanceOf(ConversationKitError);
      expect((settlement.error as ConversationKitError).code).toBe(deletion.expectedError);
    }
  });

  const truth = server.listConversations();
  const truthIDs = new Set(idsOf(truth));
  for (const device of [a, b]) {
    const list = listOf(device);
    // The list is exactly the server's conversations, in list order.
    expect(new Set(idsOf(list)), `${device.name}: listed = server`).toEqual(truthIDs);
    expect(list).toHaveLength(truthIDs.size);
    expect(idsOf(list), `${device.name}: sorted`).toEqual(
      idsOf([...list].sort(compareConversations)),
    );
    expect(idsOf(list)).toEqual(idsOf([...truth].sort(compareConversations)));
    // Each row shows the server's latest version of its conversation.
    expect(list).toEqual([...truth].sort(compareConversations));
    expectStoreMatchesList(device);
    const state = device.runtime.deletionState.getState();
    expect(state.inFlightIDs.size, `${device.name}: nothing in flight`).toBe(0);
    expect(state.progress, `${device.name}: no progress`).toBeNull();
  }

  // Nothing was deleted that no one asked to delete, and history was only cleared when asked.
  for (const call of server.calls) {
    const byID = asked.get(call.device);
    for (const id of call.conversationIDs) {
      expect(byID?.get(id)?.has(call.clearMessage), `${call.device} asked for ${id}`).toBe(true);
    }
  }
  const askedByAnyone = new Set([...asked.values()].flatMap((byID) => [...byID.keys()]));
  for (const id of allIDs) {
    if (!truthIDs.has(id)) expect(askedByAnyone.has(id), `${id} was asked for`).toBe(true);
  }

  for (const device of [a, b]) {
    // A local deletion is one this device asked for; a deletion is reported once until the
    // conversation comes back.
    const reportedGone = new Set<string>();
    for (const event of device.events) {
      if (event.type === 'conversationsUpdated') {
        for (const item of event.conversations) reportedGone.delete(item.conversationID);
        continue;
      }
      for (const id of event.conversationIDs) {
        expect(reportedGone.has(id), `${device.name}: ${id} reported once`).toBe(false);
        reportedGone.add(id);
        if (event.origin === 'local') {
          expect(asked.get(device.name)?.has(id), `${device.name} asked for ${id}`).toBe(true);
        }
      }
    }
    // What was reported gone is what is gone.
    for (const id of reportedGone) expect(truthIDs.has(id)).toBe(false);
    device.disconnect();
    device.queryClient.clear();
  }
}

// npm test runs 100 scenarios from a fixed seed. For a longer search offline:
// MODEL_RUNS=2000 MODEL_SEED=7 npx vitest run tests/runtime/deletionModel.test.ts --testTimeout 600000
describe('deleting conversations on two devices of one person', () => {
  it('keeps both lists equal to the server and deletes only what someone asked for', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(actionArb, { minLength: 5, maxLength: 40, size: 'max' }),
        runScenario,
      ),
      {
        numRuns: Number(process.env.MODEL_RUNS ?? 100),
        seed: Number(process.env.MODEL_SEED ?? 20_260_115),
      },
    );
  });
});

// ----- examples the model ran into, told as stories -----

const alice = 'C2Calice';
const bob = 'C2Cbob';
const carol = 'C2Ccarol';
const dave = 'C2Cdave';
const erin = 'C2Cerin';
const team = 'GROUPteam';

/** Team is pinned, so it comes first; then Alice (newest) to Erin (oldest). */
function createPeopleServer(): MemoryChatServer {
  let clock = DEFAULT_REFERENCE_TIME;
  return createMemoryChatServer({
    conversations: [
      conversation(alice, 'Alice', 1),
      conversation(bob, 'Bob', 2),
      conversation(carol, 'Carol', 3),
      conversation(dave, 'Dave', 4),
      conversation(erin, 'Erin', 5),
      conversation(team, 'Team', 60, { isPinned: true }),
    ],
    now: () => {
      clock += 1_000;
      return clock;
    },
  });
}

function serverIDs(server: MemoryChatServer): string[] {
  return idsOf([...server.listConversations()].sort(compareConversations));
}

function selectedOn(device: Device): string[] {
  return [...device.store.getState().selectedIDs].sort();
}

function deletionsReported(device: Device): Array<{ ids: string[]; origin: string }> {
  return device.events.flatMap((event) =>
    event.type === 'conversationsDeleted'
      ? [{ ids: event.conversationIDs, origin: event.origin }]
      : [],
  );
}

describe('two devices of one person', () => {
  it('start with the same list, pinned Team first', async () => {
    const server = createPeopleServer();
    const a = await connectDevice(server, 'A');
    const b = await connectDevice(server, 'B');
    expect(listedIDs(a)).toEqual([team, alice, bob, carol, dave, erin]);
    expect(listedIDs(b)).toEqual(listedIDs(a));
  });

  describe('when both delete Alice at the same moment', () => {
    it('Alice is deleted once, and neither device reports a failure', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      const onA = a.runtime.deleteConversations([alice], { clearHistory: false });
      const onB = b.runtime.deleteConversations([alice], { clearHistory: false });
      expect(listedIDs(a)).not.toContain(alice);
      expect(listedIDs(b)).not.toContain(alice);
      const [outcomeA, outcomeB] = await Promise.all([onA, onB]);

      expect(outcomeA.deleted).toEqual([alice]);
      expect(outcomeB.deleted).toEqual([alice]);
      expect(outcomeA.failed).toEqual([]);
      expect(outcomeB.failed).toEqual([]);
      // B's own call came too late and got "not found", which means "already deleted".
      expect(outcomeB.results).toEqual([
        expect.objectContaining({ conversationID: alice, ok: false, code: 2500 }),
      ]);
      expect(listedIDs(a)).toEqual(serverIDs(server));
      expect(listedIDs(b)).toEqual(serverIDs(server));
      expect(deletionsReported(a)).toEqual([{ ids: [alice], origin: 'local' }]);
      expect(deletionsReported(b)).toEqual([{ ids: [alice], origin: 'remote' }]);
    });
  });

  describe('after A selects Bob, Carol, Dave and Erin and the network drops Carol and Erin', () => {
    it('exactly Carol and Erin come back on A, in place and still selected; B follows the server', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A', { maxBatchSize: 3 });
      const b = await connectDevice(server, 'B');
      a.store.getState().enterSelectionMode();
      for (const id of [bob, carol, dave, erin]) a.store.getState().toggle(id);
      server.failNext({ conversationIDs: [carol, erin], code: 2999 });

      const deleting = a.runtime.deleteConversations([...a.store.getState().selectedIDs], {
        clearHistory: true,
      });
      expect(listedIDs(a)).toEqual([team, alice]);
      // Nothing is sent before the shorter list can be painted.
      expect(a.runtime.deletionState.getState().progress).toEqual({ done: 0, total: 4, unsent: 4 });
      expect(server.calls).toHaveLength(0);
      const outcome = await deleting;

      expect(outcome.deleted.sort()).toEqual([bob, dave]);
      expect(outcome.failed).toEqual([
        { conversationID: carol, ok: false, code: 2999, message: 'Chat SDK is not ready' },
        { conversationID: erin, ok: false, code: 2999, message: 'Chat SDK is not ready' },
      ]);
      expect(listedIDs(a)).toEqual([team, alice, carol, erin]);
      expect(selectedOn(a)).toEqual([carol, erin]);
      expect(a.runtime.deletionState.getState().inFlightIDs.size).toBe(0);
      expect(a.runtime.deletionState.getState().progress).toBeNull();
      expect(a.runtime.deletionState.getState().lastOutcome).toBe(outcome);
      // B applies what it heard in a task of its own (one list write for all of a batch's events).
      await nextTask();
      expect(listedIDs(b)).toEqual([team, alice, carol, erin]);
      expect(serverIDs(server)).toEqual([team, alice, carol, erin]);
      // Four IDs in chunks of three: two calls; the single left over went the single route.
      expect(server.calls.map((call) => [call.method, call.conversationIDs])).toEqual([
        ['deleteConversationList', [bob, carol, dave]],
        ['deleteConversation', [erin]],
      ]);
    });

    it('if A leaves selection mode meanwhile, Carol and Erin come back unselected', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A', { maxBatchSize: 3 });
      a.store.getState().enterSelectionMode();
      for (const id of [bob, carol, dave, erin]) a.store.getState().toggle(id);
      server.failNext({ conversationIDs: [carol, erin], code: 2999 });

      const deleting = a.runtime.deleteConversations([...a.store.getState().selectedIDs], {
        clearHistory: true,
      });
      a.store.getState().exitSelectionMode();
      const outcome = await deleting;

      expect(outcome.failed.map((result) => result.conversationID)).toEqual([carol, erin]);
      expect(listedIDs(a)).toEqual([team, alice, carol, erin]);
      expect(a.store.getState().selectionMode).toBe(false);
      expect(selectedOn(a)).toEqual([]);
    });
  });

  describe('when the whole call is refused', () => {
    it('every row comes back on A and nothing is reported deleted', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      server.failNext({ call: 'reject', code: 2024 });
      const outcome = await a.runtime.deleteConversations([alice, bob], { clearHistory: false });
      expect(outcome.deleted).toEqual([]);
      expect(outcome.failed.map((result) => [result.conversationID, result.code])).toEqual([
        [alice, 2024],
        [bob, 2024],
      ]);
      expect(listedIDs(a)).toEqual(serverIDs(server));
      expect(listedIDs(b)).toEqual(serverIDs(server));
      expect(deletionsReported(a)).toEqual([]);
      expect(deletionsReported(b)).toEqual([]);
    });
  });

  describe('while B’s confirmation asks to delete Alice and Bob', () => {
    it('A deleting Bob shrinks it to Alice, and confirming deletes just Alice', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      b.store.getState().requestDeletion([bob, alice], { clearHistory: true });
      await a.runtime.deleteConversations([bob], { clearHistory: false });
      await nextTask();
      expect(b.store.getState().pendingDeletion).toEqual({
        conversationIDs: [alice],
        clearHistory: true,
      });
      const request = b.store.getState().takePendingDeletion();
      expect(request).not.toBeNull();
      await b.runtime.deleteConversations(request?.conversationIDs ?? [], {
        clearHistory: request?.clearHistory ?? false,
      });
      expect(serverIDs(server)).toEqual([team, carol, dave, erin]);
      expect(server.calls.map((call) => [call.device, call.conversationIDs])).toEqual([
        ['A', [bob]],
        ['B', [alice]],
      ]);
    });

    it('A deleting both closes it', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      b.store.getState().requestDeletion([bob, alice]);
      await a.runtime.deleteConversations([alice, bob], { clearHistory: false });
      await nextTask();
      expect(b.store.getState().pendingDeletion).toBeNull();
      expect(b.store.getState().takePendingDeletion()).toBeNull();
    });
  });

  describe('when the phone deletes Carol', () => {
    it('both devices drop her row, selection and open swipe, and report it once as remote', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      a.store.getState().toggle(carol);
      a.store.getState().toggle(dave);
      b.store.getState().openSwipe(carol);
      await server.connect('phone').deleteConversation(carol);
      await nextTask();
      expect(listedIDs(a)).toEqual([team, alice, bob, dave, erin]);
      expect(listedIDs(b)).toEqual([team, alice, bob, dave, erin]);
      expect(selectedOn(a)).toEqual([dave]);
      expect(b.store.getState().openSwipeID).toBeNull();
      expect(deletionsReported(a)).toEqual([{ ids: [carol], origin: 'remote' }]);
      expect(deletionsReported(b)).toEqual([{ ids: [carol], origin: 'remote' }]);
    });

    it('while A is deleting Carol too, A reports her deleted, not failed', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const phoneDeletes = server.connect('phone').deleteConversation(carol);
      const outcome = await a.runtime.deleteConversations([carol], { clearHistory: true });
      await phoneDeletes;
      expect(outcome.deleted).toEqual([carol]);
      expect(outcome.failed).toEqual([]);
      expect(deletionsReported(a)).toEqual([{ ids: [carol], origin: 'remote' }]);
      expect(listedIDs(a)).toEqual(serverIDs(server));
    });
  });

  describe('when a message from Alice arrives', () => {
    it('after B deleted her keeping history, she is back on both devices with her old messages', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const b = await connectDevice(server, 'B');
      const history = server.historyLength(alice);
      await b.runtime.deleteConversations([alice], { clearHistory: false });
      await nextTask();
      expect(listedIDs(a)).not.toContain(alice);
      server.receiveMessage(alice, 'Hello again');
      expect(listedIDs(a)).toEqual([team, alice, bob, carol, dave, erin]);
      expect(listedIDs(b)).toEqual([team, alice, bob, carol, dave, erin]);
      expect(listOf(a)[1]?.lastMessage?.text).toBe('Hello again');
      expect(server.historyLength(alice)).toBe(history + 1);
    });

    it('after B deleted her clearing history, she is back with just the new message', async () => {
      const server = createPeopleServer();
      const b = await connectDevice(server, 'B');
      await b.runtime.deleteConversations([alice], { clearHistory: true });
      server.receiveMessage(alice, 'Hello again');
      expect(server.historyLength(alice)).toBe(1);
      expect(listedIDs(b)).toContain(alice);
    });

    it('while A is deleting Erin, and after the server deleted her, Erin stays with the new message', async () => {
      const server = createPeopleServer();
      const real = server.connect('A');
      // The message arrives right after the server deleted Erin, before A hears the result.
      const adapter: ChatAdapter = {
        ...real,
        async deleteConversationList(conversationIDs, options) {
          const results = await real.deleteConversationList(conversationIDs, options);
          server.receiveMessage(erin, 'Wait, one more thing');
          return results;
        },
      };
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const store = createConversationStore();
      const runtime = createConversationKitRuntime({ adapter, queryClient, store });
      runtime.connect();
      await queryClient.fetchQuery({
        ...runtime.queryOptions,
      });

      const outcome = await runtime.deleteConversations([erin], { clearHistory: false });
      expect(outcome.deleted).toEqual([erin]);
      const list = queryClient.getQueryData<Conversation[]>(runtime.queryKey) ?? [];
      expect(idsOf(list)).toEqual([team, erin, alice, bob, carol, dave]);
      expect(list[1]?.lastMessage?.text).toBe('Wait, one more thing');
      expect(idsOf(list)).toEqual(serverIDs(server));
    });
  });

  describe('when A stops a batch of Alice to Erin sent one chunk of two at a time', () => {
    it('the chunk already sent is deleted and the rows never sent come back', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A', { maxBatchSize: 2 });
      const b = await connectDevice(server, 'B');
      const stopOnceSent = a.runtime.deletionState.subscribe((state) => {
        if (state.progress && state.progress.unsent < state.progress.total) {
          stopOnceSent();
          a.runtime.stop();
        }
      });
      const deleting = a.runtime.deleteConversations([alice, bob, carol, dave, erin], {
        clearHistory: false,
        concurrency: 1,
      });
      const outcome = await deleting;
      expect(outcome.stopped).toBe(true);
      expect(outcome.deleted).toEqual([alice, bob]);
      expect(outcome.notSent).toEqual([carol, dave, erin]);
      expect(server.calls).toHaveLength(1);
      expect(listedIDs(a)).toEqual([team, carol, dave, erin]);
      await nextTask();
      expect(listedIDs(b)).toEqual([team, carol, dave, erin]);
      expect(a.runtime.deletionState.getState().progress).toBeNull();
    });
  });

  describe('bad requests', () => {
    it('a conversation B does not list is refused before anything is sent', async () => {
      const server = createPeopleServer();
      const b = await connectDevice(server, 'B');
      await b.runtime.deleteConversations([alice], { clearHistory: false });
      const error = await b.runtime
        .deleteConversations([alice, bob], { clearHistory: false })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConversationKitError);
      expect((error as ConversationKitError).code).toBe('UNKNOWN_CONVERSATION_ID');
      expect((error as ConversationKitError).conversationIDs).toEqual([alice]);
      expect(listedIDs(b)).toContain(bob);
      expect(server.calls).toHaveLength(1);
    });

    it('an empty selection is refused', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const error = await a.runtime
        .deleteConversations([...a.store.getState().selectedIDs], { clearHistory: true })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConversationKitError);
      expect((error as ConversationKitError).code).toBe('EMPTY_SELECTION');
      expect(server.calls).toEqual([]);
    });

    it('a second delete of Alice while the first is in flight sends nothing more', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const first = a.runtime.deleteConversations([alice], { clearHistory: true });
      const second = await a.runtime.deleteConversations([alice], { clearHistory: true });
      expect(second.skipped).toEqual([alice]);
      expect(second.results).toEqual([]);
      expect((await first).deleted).toEqual([alice]);
      expect(server.calls).toHaveLength(1);
    });
  });

  describe('history', () => {
    it('one conversation with history cleared goes through deleteConversation', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      await a.runtime.deleteConversations([bob], { clearHistory: true });
      expect(server.calls).toEqual([
        { device: 'A', method: 'deleteConversation', conversationIDs: [bob], clearMessage: true },
      ]);
      expect(server.historyLength(bob)).toBe(0);
    });

    it('one conversation keeping history goes through the list call with clearMessage false', async () => {
      const server = createPeopleServer();
      const a = await connectDevice(server, 'A');
      const history = server.historyLength(bob);
      await a.runtime.deleteConversations([bob], { clearHistory: false });
      expect(server.calls).toEqual([
        {
          device: 'A',
          method: 'deleteConversationList',
          conversationIDs: [bob],
          clearMessage: false,
        },
      ]);
      expect(server.historyLength(bob)).toBe(history);
    });
  });
});
