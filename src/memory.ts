// The `conversation-kit/memory` entry point: the in-memory chat backend for demos, Storybook and
// tests. A host app that talks to a real backend never imports it (the root re-exports
// `createMemoryChatServer` too, for the README's two-line start, and bundlers drop it unused).
export type {
  ConnectOptions,
  GeneratedConversation,
  MemoryChatCall,
  MemoryChatFault,
  MemoryChatServer,
  MemoryChatServerOptions,
} from './adapters/memory';
export {
  createMemoryChatServer,
  DEFAULT_REFERENCE_TIME,
  generateConversations,
} from './adapters/memory';
