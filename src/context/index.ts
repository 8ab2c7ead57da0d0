export { ConversationKitContext, useConversationKit } from './ConversationKitContext';
export { TranslatorContext, useTranslator } from './TranslatorContext';
