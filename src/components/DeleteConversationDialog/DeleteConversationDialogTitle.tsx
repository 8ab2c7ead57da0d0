import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';

export interface DeleteConversationDialogTitleProps
  extends Omit<ComponentPropsWithoutRef<'h2'>, 'id'> {
  /** The title. Default: "Delete conversation?" or "Delete <n> conversations?" (localized). */
  children?: ComponentPropsWithoutRef<'h2'>['children'];
}

/**
 * The dialog's accessible name, as an `<h2>` (its `id` is the dialog's `aria-labelledby`, so it is
 * not a prop). Other props and the ref go to the heading.
 */
export const DeleteConversationDialogTitle = forwardRef<
  HTMLHeadingElement,
  DeleteConversationDialogTitleProps
>(function DeleteConversationDialogTitle(props, forwardedRef) {
  const { className, children, ...titleProps } = props;
  const { request, titleID } = useDeleteConversationDialogContext('DeleteConversationDialog.Title');
  const { t } = useTranslator();
  const count = request?.conversationIDs.length ?? 0;
  const title = count > 1 ? t('dialogTitleMany', { count }) : t('dialogTitleOne');
  return (
    <h2
      {...titleProps}
      ref={forwardedRef}
      id={titleID}
      className={kitClassName('ck-dialog-title', className)}
    >
      {children ?? title}
    </h2>
  );
});
