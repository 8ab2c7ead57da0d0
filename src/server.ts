// The `conversation-kit/server` entry point: what a server needs to render the list's first
// screen (React Server Components, `renderToString`). Unlike the package root it carries no
// "use client" directive, and it holds no component or hook, so a Server Component can call it.
// See docs/server-rendering.md.

export { conversationListQueryKey } from './runtime/adapterChecks';
export type { PrefetchableAdapter } from './runtime/prefetchConversationList';
export { prefetchConversationList } from './runtime/prefetchConversationList';
