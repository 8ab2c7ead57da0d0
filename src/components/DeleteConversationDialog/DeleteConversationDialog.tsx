import {
  type CSSProperties,
  type SyntheticEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import { useConversations } from '../../hooks/useConversations';
import { useDeletionRequest } from '../../hooks/useDeletionRequest';
import type { DeletionOutcome } from '../../runtime/types';
import { Message } from '../Message/Message';

export interface DeleteConversationDialogProps {
  /**
   * Whether the dialog may show. Default: it shows whenever a deletion is pending
   * (`useDeletionRequest().requestDeletion(ids)`, or the list's Delete actions).
   */
  open?: boolean;
  /** Called when the dialog opens or closes (confirm, cancel, Escape, or the request emptied). */
  onOpenChange?: (open: boolean) => void;
  /** Called with the outcome once a confirmed deletion has finished. */
  onDeleted?: (outcome: DeletionOutcome) => void;
  /** Focus target when the element that had focus before the dialog is gone (its row was deleted). */
  onFallbackFocus?: () => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * The confirmation of a pending deletion: an alert dialog (native `<dialog>` in the top layer,
 * modal) that says whether the chat history goes too. Cancel has focus when it opens; Escape and
 * Cancel delete nothing; a click outside does nothing; focus goes back where it was.
 */
export function DeleteConversationDialog(props: DeleteConversationDialogProps) {
  const { open: openProp, onOpenChange, onDeleted, onFallbackFocus, className, style } = props;
  const { adapter } = useConversationKit('DeleteConversationDialog');
  const translator = useTranslator();
  const { t } = translator;
  const { pendingDeletion, cancelDeletion, setClearHistory, confirmAsync } = useDeletionRequest();
  const conversations = useConversations().data;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const titleID = useId();
  const bodyID = useId();
  const open = pendingDeletion !== null && openProp !== false;
  const keepHistoryPossible = adapter.capabilities.keepHistory;
  const clearHistory = !keepHistoryPossible || (pendingDeletion?.clearHistory ?? false);
  const ids = pendingDeletion?.conversationIDs ?? [];
  const count = ids.length;

  // The content outlives `open` by one commit: removed while the modal still holds focus, the
  // focused button would make the browser restyle the page once more before the modal closes.
  const [contentShown, setContentShown] = useState(open);
  if (open && !contentShown) setContentShown(true);
  useEffect(() => {
    if (!open && contentShown) setContentShown(false);
  }, [open, contentShown]);

  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;
  const wasOpenRef = useRef(false);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !wasOpenRef.current) {
      returnFocusRef.current = document.activeElement as HTMLElement | null;
      if (!dialog.open) {
        // jsdom and old browsers lack showModal; `open` still shows it there.
        if (typeof dialog.showModal === 'function') dialog.showModal();
        else dialog.setAttribute('open', '');
      }
      cancelRef.current?.focus();
      wasOpenRef.current = true;
      onOpenChangeRef.current?.(true);
    } else if (!open && wasOpenRef.current) {
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      wasOpenRef.current = false;
      const previous = returnFocusRef.current;
      returnFocusRef.current = null;
      if (previous?.isConnected && previous !== document.body) previous.focus();
      // Gone, or no longer focusable (a toolbar Delete disabled at 0 selected): the list takes it.
      if (document.activeElement !== previous || previous === document.body) onFallbackFocus?.();
      onOpenChangeRef.current?.(false);
    }
  });

  useEffect(
    () => () => {
      // Unmounted while open: leave no modal behind.
      const dialog = dialogRef.current;
      if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    },
    [],
  );

  function onCancelEvent(event: SyntheticEvent<HTMLDialogElement>) {
    // Escape: the store decides what is shown, so the native close is replaced by a cancel.
    event.preventDefault();
    cancelDeletion();
  }

  function onCloseEvent(event: SyntheticEvent<HTMLDialogElement>) {
    // The browser queues `close` as a task. Escape, then Delete at once: the key is handled
    // before that task, so the next request's dialog is already showing when the former one's
    // `close` arrives. An open dialog was not closed: the event belongs to the former request.
    if (event.currentTarget.open) return;
    // The browser may close a modal on its own (e.g. repeated Escape); that is a cancel too.
    if (wasOpenRef.current) cancelDeletion();
  }

  async function onConfirm() {
    try {
      const outcome = await confirmAsync();
      if (outcome) onDeleted?.(outcome);
    } catch {
      // A refusal is already announced in the list's status region and passed to `onError`.
    }
  }

  const title = count > 1 ? t('dialogTitleMany', { count }) : t('dialogTitleOne');
  const bodyParts =
    count > 1
      ? translator.parts('dialogBodyMany', { count })
      : count === 1
        ? translator.parts('dialogBodyOne', {
            // The ID stands in for a name the list does not know (yet).
            name:
              conversations?.find((item) => item.conversationID === ids[0])?.displayName ??
              (ids[0] as string),
          })
        : [];

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleID}
      aria-describedby={bodyID}
      className={className ? `ck-root ck-dialog ${className}` : 'ck-root ck-dialog'}
      style={style}
      data-state={open ? 'open' : 'closed'}
      data-clear-history={clearHistory || undefined}
      onCancel={onCancelEvent}
      onClose={onCloseEvent}
    >
      {contentShown && (
        <form
          method="dialog"
          className="ck-dialog-content"
          onSubmit={(event) => event.preventDefault()}
        >
          <h2 id={titleID} className="ck-dialog-title">
            {title}
          </h2>
          <div id={bodyID} className="ck-dialog-body">
            <p>
              <Message parts={bodyParts} />
            </p>
            {/* A backend that cannot keep history always clears it (`clearHistory` is true). */}
            <p className="ck-dialog-history" data-variant={clearHistory ? 'danger' : undefined}>
              {t(
                keepHistoryPossible
                  ? clearHistory
                    ? 'clearHistoryWarning'
                    : 'keepHistoryNote'
                  : 'historyAlwaysCleared',
              )}
            </p>
          </div>
          {keepHistoryPossible && (
            <label className="ck-dialog-choice">
              <input
                type="checkbox"
                className="ck-checkbox"
                checked={clearHistory}
                onChange={(event) => setClearHistory(event.currentTarget.checked)}
              />
              <span>{t('clearHistory')}</span>
            </label>
          )}
          <div className="ck-dialog-actions">
            <button ref={cancelRef} type="button" className="ck-button" onClick={cancelDeletion}>
              {t('cancel')}
            </button>
            <button
              type="button"
              className="ck-button"
              data-variant={clearHistory ? 'destructive' : 'danger'}
              onClick={onConfirm}
            >
              {t('confirmDelete')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
