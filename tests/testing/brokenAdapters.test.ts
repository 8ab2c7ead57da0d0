import { describe, expect, it } from 'vitest';
import type { ChatAdapter, ConversationEvent } from '../../src/core/types';
import { createMemoryChatServer } from '../../src/memory';
import {
  type AdapterConformanceBackend,
  type AdapterConformanceOptions,
  adapterConformanceCheckNames,
  runAdapterConformance,
} from '../../src/testing';

// The suite is only worth running if it fails adapters that break the contract. Each adapter
// here is the in-memory one with one fault; the named checks must catch it.

type Breakage = (adapter: ChatAdapter) => Partial<ChatAdapter>;

/** A backend whose two devices are the in-memory server's, with `breakage` laid over each. */
function brokenBackend(breakage: Breakage): () => AdapterConformanceBackend {
  return () => {
    const server = createMemoryChatServer({ conversations: 6, multiClientSync: true });
    const broken = (adapter: ChatAdapter): ChatAdapter => {
      const overrides = breakage(adapter);
      return {
        capabilities: adapter.capabilities,
        getConversationList: () => adapter.getConversationList(),
        deleteConversation: (id) => adapter.deleteConversation(id),
        deleteConversationList: (ids, options) => adapter.deleteConversationList(ids, options),
        subscribe: (listener) => adapter.subscribe(listener),
        ...overrides,
      };
    };
    return {
      devices: [broken(server.connect('A')), broken(server.connect('B'))],
      addMessage: (id, text) => server.receiveMessage(id, text),
      historyLength: (id) => server.historyLength(id),
      multiDeviceSync: true,
    };
  };
}

const quick: AdapterConformanceOptions = { timeoutMs: 100, settleMs: 20 };

async function failedChecks(breakage: Breakage): Promise<Map<string, string>> {
  const results = await runAdapterConformance(brokenBackend(breakage), quick);
  expect(results.map((result) => result.name)).toEqual(adapterConformanceCheckNames);
  return new Map(
    results
      .filter((result) => !result.ok)
      .map((result) => [result.name, result.error?.message ?? '']),
  );
}

describe('the conformance suite against broken adapters', () => {
  it('passes the unbroken in-memory adapter, skipping nothing', async () => {
    const results = await runAdapterConformance(
      brokenBackend(() => ({})),
      quick,
    );
    expect(results.filter((result) => !result.ok || result.skipped)).toEqual([]);
  });

  it('fails an adapter that answers fewer results than IDs', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversationList: async (ids, options) =>
        (await adapter.deleteConversationList(ids, options)).slice(0, -1),
    }));
    expect(
      failed.get('deleteConversationList answers one result per ID, in the order asked'),
    ).toMatch(/must resolve with one result per ID \(3\), in the order asked; got 2 results/);
    expect(failed.has('an unknown ID fails with 2500 (not found) and the others are deleted')).toBe(
      true,
    );
    expect(failed.has('a list longer than maxBatchSize is sent whole or refused, never cut')).toBe(
      true,
    );
  });

  it('fails an adapter that answers in its own order', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversationList: async (ids, options) =>
        (await adapter.deleteConversationList(ids, options)).sort((a, b) =>
          a.conversationID.localeCompare(b.conversationID),
        ),
    }));
    expect(
      failed.get('deleteConversationList answers one result per ID, in the order asked'),
    ).toMatch(/the result names/);
  });

  it('fails an adapter that throws synchronously on bad input', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversation(id) {
        if (typeof id !== 'string') throw new TypeError('conversationID must be a string');
        return adapter.deleteConversation(id);
      },
    }));
    expect(failed.get('no method throws synchronously')).toMatch(
      /deleteConversation\(undefined\) threw synchronously \(TypeError: conversationID must be a string\)/,
    );
    expect(
      failed.get('invalid input rejects with a ConversationKitError and deletes nothing'),
    ).toMatch(/threw synchronously/);
  });

  it('fails an adapter that ignores unsubscribing', async () => {
    const failed = await failedChecks((adapter) => ({
      subscribe(listener) {
        adapter.subscribe(listener);
        return () => {};
      },
    }));
    expect([...failed.keys()]).toEqual(['unsubscribing stops events']);
    expect(failed.get('unsubscribing stops events')).toMatch(
      /listeners heard events after unsubscribing/,
    );
  });

  it('fails an adapter that cuts long lists as the Web SDK does', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversationList: async (ids, options) => {
        const sent = ids.slice(0, adapter.capabilities.maxBatchSize);
        const results = await adapter.deleteConversationList(sent, options);
        // Claims the cut IDs as deleted, as an adapter trusting the SDK's answer would.
        return [
          ...results,
          ...ids
            .slice(sent.length)
            .map((conversationID) => ({ conversationID, ok: true, code: 0, message: '' })),
        ];
      },
    }));
    expect([...failed.keys()]).toEqual([
      'a list longer than maxBatchSize is sent whole or refused, never cut',
    ]);
  });

  it('fails an adapter that clears the history it was asked to keep', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversationList: (ids, options) =>
        adapter.deleteConversationList(
          ids,
          options?.clearMessage === false ? { clearMessage: true } : options,
        ),
    }));
    expect([...failed.keys()]).toEqual(['deleteConversationList keeps the history when asked']);
    expect(failed.get('deleteConversationList keeps the history when asked')).toMatch(
      /is 1, expected \d+: with clearMessage: false the old messages come back/,
    );
  });

  it('fails an adapter that reports its own deletions as remote, and remote ones as local', async () => {
    const swapOrigin = (event: ConversationEvent): ConversationEvent =>
      event.type === 'conversationsDeleted'
        ? { ...event, origin: event.origin === 'local' ? 'remote' : 'local' }
        : event;
    const failed = await failedChecks((adapter) => ({
      subscribe: (listener) => adapter.subscribe((event) => listener(swapOrigin(event))),
    }));
    expect([...failed.keys()].sort()).toEqual([
      'a deletion on one device reaches the other as a remote conversationsDeleted',
      'the deleting device never hears its own deletion as remote',
    ]);
  });

  it('fails an adapter whose list and events carry malformed conversations', async () => {
    const failed = await failedChecks((adapter) => ({
      getConversationList: async () =>
        (await adapter.getConversationList()).map((conversation) => ({
          ...conversation,
          unreadCount: -1,
        })),
    }));
    expect(failed.get('lists well-formed conversations with unique IDs')).toMatch(
      /unreadCount must be a whole number ≥ 0, got -1/,
    );
  });

  it('fails an adapter that lists IDs of its own form without saying how to tell them', async () => {
    const failed = await failedChecks((adapter) => ({
      getConversationList: async () =>
        (await adapter.getConversationList()).map((conversation) => ({
          ...conversation,
          conversationID: `messaging:${conversation.conversationID}`,
        })),
    }));
    expect(failed.get('lists well-formed conversations with unique IDs')).toMatch(
      /not in Tencent Cloud Chat's forms .* give the adapter one/,
    );
  });

  it('fails an adapter that drops unknown IDs instead of answering 2500', async () => {
    const failed = await failedChecks((adapter) => ({
      deleteConversation: async (id) => ({
        ...(await adapter.deleteConversation(id)),
        ok: true,
        code: 0,
      }),
    }));
    expect(
      failed.get('deleteConversation of an unknown ID resolves with 2500 (not found)'),
    ).toMatch(/must resolve with code 2500/);
  });
});

describe('runAdapterConformance', () => {
  it('reports checks the backend cannot support as skipped, with the reason', async () => {
    const results = await runAdapterConformance(
      () => {
        const server = createMemoryChatServer({ conversations: 4, multiClientSync: false });
        return {
          devices: [server.connect('A', { keepHistory: false }), server.connect('B')],
          addMessage: (id, text) => server.receiveMessage(id, text),
        };
      },
      { ...quick, skip: ['declares sane capabilities'] },
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(
      Object.fromEntries(
        results.filter((result) => result.skipped).map((r) => [r.name, r.skipped]),
      ),
    ).toEqual({
      'declares sane capabilities': 'left out by options.skip',
      'deleteConversation clears the history': expect.stringMatching(/no historyLength/),
      'deleteConversationList clears the history when asked':
        expect.stringMatching(/no historyLength/),
      'a deletion on one device reaches the other as a remote conversationsDeleted':
        expect.stringMatching(/multi-device sync is off/),
    });
  });

  it('fails every check, without throwing, when the factory gives too few conversations', async () => {
    const results = await runAdapterConformance(() => {
      const server = createMemoryChatServer({ conversations: 2 });
      return { devices: [server.connect('A'), server.connect('B')], addMessage: () => {} };
    }, quick);
    expect(
      results.find((result) => result.name === 'lists well-formed conversations with unique IDs')
        ?.error?.message,
    ).toMatch(/needs at least 3 conversations listed on device A; the factory's backend lists 2/);
  });
});
