import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { prefetchConversationList } from 'conversation-kit/server';
import { connectToDemoBackend } from './demoBackend';
import { Inbox } from './Inbox';

// Rendered per request: the conversations' times are counted back from the request's time.
export const dynamic = 'force-dynamic';

/**
 * A Server Component: it loads the conversation list on the server and hands it to the
 * browser dehydrated, so the HTML already holds the first screen of rows.
 */
export default async function InboxPage() {
  const referenceTime = Date.now();
  const queryClient = new QueryClient();
  await prefetchConversationList(queryClient, connectToDemoBackend(referenceTime));
  return (
    <main className="inbox">
      <h1>Inbox</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Inbox referenceTime={referenceTime} />
      </HydrationBoundary>
    </main>
  );
}
