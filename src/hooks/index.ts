export { useConversationEvents } from './useConversationEvents';
export type {
  ConversationGridAria,
  ConversationGridOptions,
  ConversationGridRow,
} from './useConversationGrid';
export { useConversationGrid } from './useConversationGrid';
export type {
  ConversationRenderState,
  ConversationRowAria,
  ConversationRowOptions,
} from './useConversationRow';
export { useConversationRow } from './useConversationRow';
export { useConversationSelection } from './useConversationSelection';
export { useConversationStore } from './useConversationStore';
export { useConversations } from './useConversations';
export type {
  DeleteConversationOptions,
  DeleteConversationVariables,
} from './useDeleteConversation';
export { useDeleteConversation } from './useDeleteConversation';
export type { DeleteConversationsVariables } from './useDeleteConversations';
export { useDeleteConversations } from './useDeleteConversations';
export { useDeletionRequest } from './useDeletionRequest';
export { useDeletionState } from './useDeletionState';
export type { UndoAreaProps, UndoWindowView } from './useUndoWindow';
export { useUndoPause, useUndoWindow } from './useUndoWindow';
