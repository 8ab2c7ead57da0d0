export type { DeleteConversationDialogProps } from './DeleteConversationDialog';
export { DeleteConversationDialog } from './DeleteConversationDialog';
