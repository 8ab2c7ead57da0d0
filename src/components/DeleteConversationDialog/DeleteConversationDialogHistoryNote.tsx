import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';

export interface DeleteConversationDialogHistoryNoteProps extends ComponentPropsWithoutRef<'p'> {
  /**
   * The note. Default, as the history setting is: the messages are kept; they will be deleted and
   * cannot be recovered; or, on a backend that cannot keep them, they are always deleted.
   */
  children?: ComponentPropsWithoutRef<'p'>['children'];
}

/**
 * What happens to the chat history, said plainly: a `<p>`, `data-variant="danger"` once the
 * history goes too. `Description` shows it by default. Other props and the ref go to the `<p>`.
 */
export const DeleteConversationDialogHistoryNote = forwardRef<
  HTMLParagraphElement,
  DeleteConversationDialogHistoryNoteProps
>(function DeleteConversationDialogHistoryNote(props, forwardedRef) {
  const { className, children, ...noteProps } = props;
  const { clearHistory, canKeepHistory } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.HistoryNote',
  );
  const { t } = useTranslator();
  // A backend that cannot keep history always clears it (`clearHistory` is true).
  let note = t('historyAlwaysCleared');
  if (canKeepHistory) note = clearHistory ? t('clearHistoryWarning') : t('keepHistoryNote');
  return (
    <p
      {...noteProps}
      ref={forwardedRef}
      className={kitClassName('ck-dialog-history', className)}
      data-variant={clearHistory ? 'danger' : undefined}
    >
      {children ?? note}
    </p>
  );
});
