import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { composeEventHandlers } from '../shared/composeEventHandlers';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';
import { useComposedRefs } from './useComposedRefs';

export interface DeleteConversationDialogCancelProps extends ComponentPropsWithoutRef<'button'> {
  /** The button's text. Default: "Cancel" (localized). */
  children?: ComponentPropsWithoutRef<'button'>['children'];
}

/**
 * The button that closes without deleting anything. It has focus when the dialog opens: the
 * choice that loses nothing. Its `onClick` runs first; `event.preventDefault()` there keeps the
 * dialog open. Other props and the ref go to the `<button>`.
 */
export const DeleteConversationDialogCancel = forwardRef<
  HTMLButtonElement,
  DeleteConversationDialogCancelProps
>(function DeleteConversationDialogCancel(props, forwardedRef) {
  const { className, children, onClick, ...buttonProps } = props;
  const { cancel, cancelRef } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.Cancel',
  );
  const ref = useComposedRefs(forwardedRef, cancelRef);
  const { t } = useTranslator();
  return (
    <button
      type="button"
      {...buttonProps}
      ref={ref}
      className={kitClassName('ck-button', className)}
      onClick={composeEventHandlers(onClick, cancel)}
    >
      {children ?? t('cancel')}
    </button>
  );
});
