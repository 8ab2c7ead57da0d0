import { type ReactNode, useId, useRef } from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useCallbackRef } from '../../hooks/useCallbackRef';
import { useControllableState } from '../../hooks/useControllableState';
import { useConversationStore } from '../../hooks/useConversationStore';
import { useConversations } from '../../hooks/useConversations';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import type { DeletionOutcome } from '../../runtime/types';
import {
  DeleteConversationDialogContext,
  type DeleteConversationDialogContextValue,
} from './DeleteConversationDialogContext';

export interface DeleteConversationDialogRootProps {
  /**
   * Whether the dialog is open, for a host that controls it (pair it with `onOpenChange`).
   * It shows only while a deletion is pending too: open with nothing to confirm, it stays out of
   * sight (`data-state="closed"`) and shows the next request at once. Closing it cancels the
   * pending request. Default: uncontrolled, open from each request until it is confirmed,
   * cancelled, or emptied by deletions on another device.
   */
  open?: boolean;
  /**
   * Whether it starts open when uncontrolled. Default: whether a deletion is pending when it
   * mounts.
   */
  defaultOpen?: boolean;
  /**
   * Called once for each change the dialog makes or asks for: `true` for a new request, `false`
   * for Cancel, Escape, Delete, or the request emptied elsewhere. Not called on mount. When
   * controlled, keeping `open` as it is refuses the change.
   */
  onOpenChange?: (open: boolean) => void;
  /** Called with the outcome once a confirmed deletion has finished. */
  onDeleted?: (outcome: DeletionOutcome) => void;
  children?: ReactNode;
}

/** A refused confirmation reaches the provider's `onError` and the list's status region. */
const alreadyReported = () => {};

/**
 * The state of a deletion confirmation, shared with its parts: the pending request of the
 * provider's store, the person's history choice, and whether the dialog is open. Renders no
 * element of its own.
 */
export function DeleteConversationDialogRoot(props: DeleteConversationDialogRootProps) {
  const { open: openProp, defaultOpen, onOpenChange, onDeleted, children } = props;
  const runtime = useConversationKit('DeleteConversationDialog');
  const { adapter } = runtime;
  // The request straight from the store, as `useDeletionRequest` reads it: the dialog needs only
  // the request, its actions and `confirmDeletion`, not that hook's `confirm`.
  const request = useConversationStore((state) => state.pendingDeletion);
  const { cancelDeletion, setClearHistory } = runtime.store.getState();
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen ?? request !== null,
    onChange: onOpenChange,
    caller: 'DeleteConversationDialog',
  });
  // Also keeps the list loaded and live where the dialog is used without it: a request names
  // only conversations in the list.
  const conversations = useConversations().data;
  const reportDeleted = useCallbackRef(onDeleted);
  const titleID = useId();
  const descriptionID = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const canKeepHistory = adapter.capabilities.keepHistory;

  // A new request opens the dialog; a request that went away closes it, whoever took it: Delete
  // (the flow takes it), the host's `cancelDeletion()`, or deletions on another device that left
  // nothing to confirm. Only the change counts, so mounting calls no `onOpenChange`.
  const hadRequestRef = useRef(request !== null);
  useIsomorphicLayoutEffect(() => {
    const hasRequest = request !== null;
    if (hasRequest === hadRequestRef.current) return;
    hadRequestRef.current = hasRequest;
    setOpen(hasRequest);
  });

  // Closing is cancelling. Cancel and Escape only ask to close, so that a controlling host can
  // refuse and the person's choice stays on screen; once `open` is false, the request goes, and
  // does not come back the next time the host opens the dialog.
  const wasOpenRef = useRef(open);
  useIsomorphicLayoutEffect(() => {
    if (wasOpenRef.current && !open && request !== null) cancelDeletion();
    wasOpenRef.current = open;
  });

  function confirm() {
    runtime.confirmDeletion().then((outcome) => {
      if (outcome) reportDeleted(outcome);
    }, alreadyReported);
  }

  const context: DeleteConversationDialogContextValue = {
    request,
    conversations,
    shown: open && request !== null,
    clearHistory: !canKeepHistory || (request?.clearHistory ?? false),
    canKeepHistory,
    setClearHistory,
    cancel: () => setOpen(false),
    confirm,
    titleID,
    descriptionID,
    cancelRef,
  };
  return (
    <DeleteConversationDialogContext.Provider value={context}>
      {children}
    </DeleteConversationDialogContext.Provider>
  );
}
