import { createMemoryChatServer } from 'conversation-kit/memory';

/**
 * The name both sides give the adapter: the list the server prefetches under it is the list the
 * browser's provider finds. A real app would use the signed-in user's ID.
 */
export const INBOX_CACHE_KEY = 'inbox';

/**
 * The demo's backend: the kit's in-memory chat server, deterministic for a given reference time,
 * so the server (to prefetch) and the browser (to delete) each build the very same conversations.
 * A real app's server and browser would both talk to its one chat backend instead.
 */
export function connectToDemoBackend(referenceTime: number) {
  const server = createMemoryChatServer({ conversations: 200, seed: 17, referenceTime });
  return server.connect('web', { cacheKey: INBOX_CACHE_KEY });
}
