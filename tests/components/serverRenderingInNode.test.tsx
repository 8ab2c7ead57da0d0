// @vitest-environment node
// Server rendering where a server really renders: in Node, with no `document`. Nothing of the
// kit may write to the console there (React 18 warns about every `useLayoutEffect` it meets in
// renderToString; the kit's layout effects become plain effects on a server), and the HTML holds
// the rows. `npm run test:react18` runs this on React 18 too. The jsdom test beside it
// (serverRendering.test.tsx) renders with a `document` present, which no server has.
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { ConversationKitProvider, ConversationList, DeleteConversationDialog } from '../../src';
import { createMemoryChatServer } from '../../src/memory';
import { prefetchConversationList } from '../../src/server';

it('renders the prefetched rows on a server without a word to the console', async () => {
  expect(typeof document).toBe('undefined');
  const connect = () =>
    createMemoryChatServer({ conversations: 30, seed: 3 }).connect('web', { cacheKey: 'inbox' });
  const prefetched = new QueryClient();
  await prefetchConversationList(prefetched, connect());
  const state = dehydrate(prefetched);

  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn');
  const html = renderToString(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <ConversationKitProvider adapter={connect()} outboxStorage={null} undoWindowMs={5000}>
            <ConversationList />
            <DeleteConversationDialog />
          </ConversationKitProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    </StrictMode>,
  );
  expect(errors.mock.calls).toEqual([]);
  expect(warnings.mock.calls).toEqual([]);
  expect(html).toContain('role="grid"');
  expect(html.match(/role="row"/g)?.length ?? 0).toBeGreaterThanOrEqual(12);
});
