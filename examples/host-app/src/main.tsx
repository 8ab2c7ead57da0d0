import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryChatServer } from 'conversation-kit';
import 'conversation-kit/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

// The host app's own react-query client: the kit keeps its conversation list in the same cache as
// the app's other data (here, the open conversation's messages).
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } },
});

// One person's account on an in-memory chat server. A real app would use
// createTencentChatAdapter(chat) on a logged-in @tencentcloud/chat instance instead.
const server = createMemoryChatServer({
  conversations: 40,
  seed: 7,
  latencyMs: 150,
  referenceTime: Date.now(),
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App server={server} queryClient={queryClient} />
    </QueryClientProvider>
  </StrictMode>,
);
