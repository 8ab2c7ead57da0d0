import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from 'react';
import { useCallbackRef } from '../../hooks/useCallbackRef';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { composeEventHandlers } from '../shared/composeEventHandlers';
import { kitClassName } from '../shared/kitClassName';
import { useDeleteConversationDialogContext } from './DeleteConversationDialogContext';
import { useComposedRefs } from './useComposedRefs';

export interface DeleteConversationDialogContentProps
  // `open` is the Root's; the role and modality are the contract.
  extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open' | 'role' | 'aria-modal'> {
  /**
   * Called when focus cannot go back where it was when the dialog opened (that element was
   * deleted, or disabled like a toolbar Delete at 0 selected), so the host can put it somewhere
   * useful. Default: none; the list passes its own.
   */
  onFallbackFocus?: () => void;
  /**
   * Escape was pressed. `event.preventDefault()` keeps the dialog open; otherwise it asks to
   * close, as Cancel does. (Chromium closes a modal anyway on a second Escape in a row; that
   * asks to close too.)
   */
  onCancel?: ComponentPropsWithoutRef<'dialog'>['onCancel'];
}

function showModal(dialog: HTMLDialogElement): void {
  if (dialog.open) return;
  // jsdom and old browsers lack showModal; `open` still shows it there.
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}

function closeModal(dialog: HTMLDialogElement): void {
  if (!dialog.open) return;
  if (typeof dialog.close === 'function') dialog.close();
  else dialog.removeAttribute('open');
}

/**
 * The alert dialog itself: a native `<dialog role="alertdialog">`, modal in the top layer while a
 * request shows (the page behind is inert, a click outside confirms nothing). Cancel has focus
 * when it opens; focus goes back where it was when it closes. Its children (title, description,
 * choice, buttons) sit in a `<form method="dialog">` that the theme pads, rendered only while the
 * dialog shows. Other props and the ref go to the `<dialog>`.
 */
export const DeleteConversationDialogContent = forwardRef<
  HTMLDialogElement,
  DeleteConversationDialogContentProps
>(function DeleteConversationDialogContent(props, forwardedRef) {
  const { onFallbackFocus, onCancel, onClose, className, children, ...dialogProps } = props;
  const { shown, clearHistory, cancel, cancelRef, titleID, descriptionID } =
    useDeleteConversationDialogContext('DeleteConversationDialog.Content');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ref = useComposedRefs(forwardedRef, dialogRef);
  const fallbackFocus = useCallbackRef(onFallbackFocus);

  // The content outlives `shown` by one commit: removed while the modal still holds focus, the
  // focused button would make the browser restyle the page once more before the modal closes.
  const [contentShown, setContentShown] = useState(shown);
  if (shown && !contentShown) setContentShown(true);
  useEffect(() => {
    if (!shown && contentShown) setContentShown(false);
  }, [shown, contentShown]);

  // Into the top layer and back, with focus. A layout effect, so the modal is up before the
  // browser paints. The way back is this effect's next run, not its cleanup: cleanups run while
  // React mutates the page, and React then puts focus back on what had it before the commit (the
  // Cancel button, still there for one more commit), undoing the return.
  const wasShownRef = useRef(false);
  const returnFocusRef = useRef<HTMLElement | null>(null);
  // Counts the times the browser closed the modal on its own (see `onCloseEvent`), so that this
  // effect runs again and shows it once more if the host keeps it open.
  const [closedByBrowser, setClosedByBrowser] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: closedByBrowser runs it again on purpose
  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (shown) {
      // Already shown when StrictMode runs this again on mount: focus came from where it was.
      if (!wasShownRef.current) returnFocusRef.current = document.activeElement as HTMLElement;
      wasShownRef.current = true;
      showModal(dialog);
      cancelRef.current?.focus();
    } else if (wasShownRef.current) {
      wasShownRef.current = false;
      closeModal(dialog);
      const previous = returnFocusRef.current === document.body ? null : returnFocusRef.current;
      returnFocusRef.current = null;
      if (previous?.isConnected) previous.focus();
      // Gone, or no longer focusable (a toolbar Delete disabled at 0 selected): the host decides.
      if (!previous || document.activeElement !== previous) fallbackFocus();
    }
  }, [shown, closedByBrowser, cancelRef, fallbackFocus]);

  useIsomorphicLayoutEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      // Unmounted while shown: leave no modal behind.
      if (dialog) closeModal(dialog);
    };
  }, []);

  const onCancelEvent = composeEventHandlers(onCancel, (event) => {
    // Escape. The dialog's state decides what shows, so the browser's own close is replaced by a
    // request to close, which a controlling host may refuse.
    event.preventDefault();
    cancel();
  });

  const onCloseEvent: typeof onClose = (event) => {
    onClose?.(event);
    // The browser queues `close` as a task. Escape, then Delete at once: the key is handled
    // before that task, so the next request's dialog is already showing when the former one's
    // `close` arrives. An open dialog was not closed: the event belongs to the former request.
    if (event.currentTarget.open) return;
    // The browser closes a modal on its own when Escape comes again after a cancelled Escape
    // (no cancel event then, so that a page cannot trap the person). That is a cancel too; should
    // the host refuse it, the effect above shows the dialog again, so it never says open while
    // out of the top layer.
    if (shown) {
      cancel();
      setClosedByBrowser((count) => count + 1);
    }
  };

  return (
    <dialog
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleID}
      aria-describedby={descriptionID}
      {...dialogProps}
      ref={ref}
      className={kitClassName('ck-root ck-dialog', className)}
      data-state={shown ? 'open' : 'closed'}
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
          {children}
        </form>
      )}
    </dialog>
  );
});
