export { useConversationKit } from './ConversationKitContext';
export type { ConversationKitProviderProps } from './ConversationKitProvider';
export { ConversationKitProvider } from './ConversationKitProvider';
export { useTranslator } from './TranslatorContext';
