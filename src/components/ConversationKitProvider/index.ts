export type { ConversationKitProviderProps } from './ConversationKitProvider';
export { ConversationKitProvider } from './ConversationKitProvider';
