'use client';

import { ConversationKitProvider, ConversationList } from 'conversation-kit';
import { useState } from 'react';
import { connectToDemoBackend } from './demoBackend';

/**
 * The list, in the browser (and in the server's render of this client component). Its adapter
 * is the browser's own, with the same `cacheKey` as the one the page prefetched with: the
 * provider finds the hydrated list in the app's QueryClient and renders its rows at once.
 */
export function Inbox({ referenceTime }: { referenceTime: number }) {
  const [adapter] = useState(() => connectToDemoBackend(referenceTime));
  return (
    <ConversationKitProvider adapter={adapter}>
      <ConversationList className="inbox-list" />
    </ConversationKitProvider>
  );
}
