import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { composeEventHandlers } from '../shared/composeEventHandlers';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';

export interface DeleteConversationDialogActionProps extends ComponentPropsWithoutRef<'button'> {
  /** The button's text. Default: "Delete" (localized). */
  children?: ComponentPropsWithoutRef<'button'>['children'];
}

/**
 * The button that deletes what the request names, with the history choice, and so closes the
 * dialog. `data-variant` is `destructive` when the history goes too, else `danger`. Its `onClick`
 * runs first; `event.preventDefault()` there deletes nothing. Other props and the ref go to the
 * `<button>`.
 */
export const DeleteConversationDialogAction = forwardRef<
  HTMLButtonElement,
  DeleteConversationDialogActionProps
>(function DeleteConversationDialogAction(props, forwardedRef) {
  const { className, children, onClick, ...buttonProps } = props;
  const { confirm, clearHistory } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.Action',
  );
  const { t } = useTranslator();
  return (
    <button
      type="button"
      {...buttonProps}
      ref={forwardedRef}
      className={kitClassName('ck-button', className)}
      data-variant={clearHistory ? 'destructive' : 'danger'}
      onClick={composeEventHandlers(onClick, () => confirm())}
    >
      {children ?? t('confirmDelete')}
    </button>
  );
});
