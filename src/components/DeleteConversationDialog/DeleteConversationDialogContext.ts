import { createContext, type RefObject, useContext } from 'react';
import type { Conversation } from '../../core/types';
import type { DeletionRequest } from '../../store';

/** What `DeleteConversationDialog.Root` shares with its parts. */
export interface DeleteConversationDialogContextValue {
  /** The deletion waiting for confirmation, or `null`. */
  request: DeletionRequest | null;
  /** The list, for the names the dialog says (`undefined` while it loads). */
  conversations: Conversation[] | undefined;
  /** Open and something to confirm: only then is the dialog in the top layer. */
  shown: boolean;
  /** Whether the history goes too: the person's choice, or always on a backend that cannot keep it. */
  clearHistory: boolean;
  /** Whether the backend can delete a conversation and keep its history (the choice is offered). */
  canKeepHistory: boolean;
  setClearHistory(clearHistory: boolean): void;
  /** Asks to close without deleting (Cancel, Escape). */
  cancel(): void;
  /** Deletes what the request names, with the chosen history setting. */
  confirm(): void;
  titleID: string;
  descriptionID: string;
  /** The Cancel button, which `Content` focuses on open (the choice that loses nothing). */
  cancelRef: RefObject<HTMLButtonElement | null>;
}

export const DeleteConversationDialogContext =
  createContext<DeleteConversationDialogContextValue | null>(null);

/** The nearest `DeleteConversationDialog.Root`'s state; throws a clear error outside one. */
export function useDeleteConversationDialogContext(
  partName: string,
): DeleteConversationDialogContextValue {
  const context = useContext(DeleteConversationDialogContext);
  if (!context) {
    // A mistake in the host's markup, not a condition to handle: a plain error, as Radix throws.
    throw new Error(`\`${partName}\` must be used within \`DeleteConversationDialog.Root\``);
  }
  return context;
}
