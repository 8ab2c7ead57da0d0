import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { Message } from '../Message/Message';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';
import { DeleteConversationDialogHistoryNote } from './DeleteConversationDialogHistoryNote';

export interface DeleteConversationDialogDescriptionProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'id'> {
  /**
   * The description. Default: what goes ("Your conversation with <name> will be removed from the
   * list." or "<n> conversations will be removed…") followed by the `HistoryNote`. Given
   * children replace both; add `<DeleteConversationDialog.HistoryNote />` to keep the note.
   */
  children?: ComponentPropsWithoutRef<'div'>['children'];
}

/** The sentence saying what goes, the name isolated in a `<bdi>` (see `Message`). */
function DeletionSentence() {
  const translator = useTranslator();
  const { request, conversations } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.Description',
  );
  const ids = request?.conversationIDs ?? [];
  if (ids.length > 1) {
    return <Message parts={translator.parts('dialogBodyMany', { count: ids.length })} />;
  }
  const id = ids[0];
  if (id === undefined) return null;
  // The ID stands in for a name the list does not know (yet).
  const name = conversations?.find((item) => item.conversationID === id)?.displayName ?? id;
  return <Message parts={translator.parts('dialogBodyOne', { name })} />;
}

/**
 * The dialog's accessible description, as a `<div>` (its `id` is the dialog's
 * `aria-describedby`, so it is not a prop). Other props and the ref go to the `<div>`.
 */
export const DeleteConversationDialogDescription = forwardRef<
  HTMLDivElement,
  DeleteConversationDialogDescriptionProps
>(function DeleteConversationDialogDescription(props, forwardedRef) {
  const { className, children, ...descriptionProps } = props;
  const { descriptionID } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.Description',
  );
  return (
    <div
      {...descriptionProps}
      ref={forwardedRef}
      id={descriptionID}
      className={kitClassName('ck-dialog-body', className)}
    >
      {children ?? (
        <>
          <p>
            <DeletionSentence />
          </p>
          <DeleteConversationDialogHistoryNote />
        </>
      )}
    </div>
  );
});
