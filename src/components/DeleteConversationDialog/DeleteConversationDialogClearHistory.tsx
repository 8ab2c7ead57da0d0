import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';

export interface DeleteConversationDialogClearHistoryProps
  extends ComponentPropsWithoutRef<'label'> {
  /** The checkbox's label. Default: "Also clear chat history" (localized). */
  children?: ComponentPropsWithoutRef<'label'>['children'];
}

/**
 * The choice to clear the chat history too: a `<label>` around a checkbox, unchecked unless the
 * request started checked (`defaultClearHistory`). Renders nothing on a backend that cannot keep
 * history, where there is no choice (the `HistoryNote` says so). Other props and the ref go to
 * the `<label>`.
 */
export const DeleteConversationDialogClearHistory = forwardRef<
  HTMLLabelElement,
  DeleteConversationDialogClearHistoryProps
>(function DeleteConversationDialogClearHistory(props, forwardedRef) {
  const { className, children, ...labelProps } = props;
  const { clearHistory, canKeepHistory, setClearHistory } = useDeleteConversationDialogContext(
    'DeleteConversationDialog.ClearHistory',
  );
  const { t } = useTranslator();
  if (!canKeepHistory) return null;
  return (
    <label
      {...labelProps}
      ref={forwardedRef}
      className={kitClassName('ck-dialog-choice', className)}
    >
      <input
        type="checkbox"
        className="ck-checkbox"
        checked={clearHistory}
        onChange={(event) => setClearHistory(event.currentTarget.checked)}
      />
      <span>{children ?? t('clearHistory')}</span>
    </label>
  );
});
