import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createMemoryChatServer } from '../../src/adapters/memory';
import { createConversationKitRuntime } from '../../src/runtime/createConversationKitRuntime';
import { createConversationStore } from '../../src/store/createConversationStore';
import { nextTask } from '../fixtures';

/** A runtime on a loaded list, counting how often its store is told the list's order. */
async function countedRuntime(conversations: number) {
  const server = createMemoryChatServer({ conversations });
  const queryClient = new QueryClient();
  const store = createConversationStore();
  const runtime = createConversationKitRuntime({
    adapter: server.connect('phone'),
    queryClient,
    store,
  });
  runtime.connect();
  await queryClient.fetchQuery({ ...runtime.queryOptions });
  const counter = { syncs: 0 };
  const sync = store.getState().syncConversationIDs;
  store.setState({
    syncConversationIDs: (ids: string[]) => {
      counter.syncs += 1;
      sync(ids);
    },
  });
  return { server, store, runtime, counter };
}

// Each sync walks the whole list (100,000 IDs in the benchmark): once per change, not per echo.
describe('the store learns of each list change once', () => {
  it('when rows leave optimistically, and not again when the batch succeeds', async () => {
    const { store, runtime, counter } = await countedRuntime(300);
    const ids = store.getState().orderedIDs.slice(0, 250);
    const deleting = runtime.deleteConversations(ids, { clearHistory: false });
    expect(counter.syncs).toBe(1);
    const outcome = await deleting;
    await nextTask();
    expect(outcome.deleted).toHaveLength(250);
    expect(counter.syncs).toBe(1);
    expect(store.getState().orderedIDs).toHaveLength(50);
  });

  it('when another device deletes a batch in chunks, all of which arrive in one task', async () => {
    const { server, store, counter } = await countedRuntime(300);
    const ids = store.getState().orderedIDs.slice(0, 250);
    await server.connect('laptop').deleteConversationList(ids, { clearMessage: false });
    expect(counter.syncs).toBe(0);
    await nextTask();
    expect(counter.syncs).toBe(1);
    expect(store.getState().orderedIDs).toHaveLength(50);
  });
});
