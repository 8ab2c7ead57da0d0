import { forwardRef } from 'react';
import { DeleteConversationDialogAction } from './DeleteConversationDialogAction';
import { DeleteConversationDialogCancel } from './DeleteConversationDialogCancel';
import { DeleteConversationDialogClearHistory } from './DeleteConversationDialogClearHistory';
import {
  DeleteConversationDialogContent,
  type DeleteConversationDialogContentProps,
} from './DeleteConversationDialogContent';
import { DeleteConversationDialogDescription } from './DeleteConversationDialogDescription';
import { DeleteConversationDialogHistoryNote } from './DeleteConversationDialogHistoryNote';
import {
  DeleteConversationDialogRoot,
  type DeleteConversationDialogRootProps,
} from './DeleteConversationDialogRoot';
import { DeleteConversationDialogTitle } from './DeleteConversationDialogTitle';

/** The state props of `Root` and the `<dialog>`'s props of `Content`. */
export interface DeleteConversationDialogProps
  extends Omit<DeleteConversationDialogRootProps, 'children'>,
    Omit<DeleteConversationDialogContentProps, 'children'> {}

/**
 * The confirmation of a pending deletion: an alert dialog (native `<dialog>` in the top layer,
 * modal) that says whether the chat history goes too. Cancel has focus when it opens; Escape and
 * Cancel delete nothing; a click outside does nothing; focus goes back where it was.
 *
 * Built from its parts, which a host can compose into its own markup:
 * `DeleteConversationDialog.Root` (state), `.Content` (the `<dialog>`), `.Title`, `.Description`
 * (with `.HistoryNote`), `.ClearHistory`, `.Cancel` and `.Action`. The ref goes to the `<dialog>`.
 */
const DeleteConversationDialogWithoutParts = forwardRef<
  HTMLDialogElement,
  DeleteConversationDialogProps
>(function DeleteConversationDialog(props, forwardedRef) {
  const { open, defaultOpen, onOpenChange, onDeleted, ...contentProps } = props;
  return (
    <DeleteConversationDialogRoot
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      onDeleted={onDeleted}
    >
      <DeleteConversationDialogContent {...contentProps} ref={forwardedRef}>
        <DeleteConversationDialogTitle />
        <DeleteConversationDialogDescription />
        <DeleteConversationDialogClearHistory />
        <div className="ck-dialog-actions">
          <DeleteConversationDialogCancel />
          <DeleteConversationDialogAction />
        </div>
      </DeleteConversationDialogContent>
    </DeleteConversationDialogRoot>
  );
});

export const DeleteConversationDialog = Object.assign(DeleteConversationDialogWithoutParts, {
  Root: DeleteConversationDialogRoot,
  Content: DeleteConversationDialogContent,
  Title: DeleteConversationDialogTitle,
  Description: DeleteConversationDialogDescription,
  HistoryNote: DeleteConversationDialogHistoryNote,
  ClearHistory: DeleteConversationDialogClearHistory,
  Cancel: DeleteConversationDialogCancel,
  Action: DeleteConversationDialogAction,
});
