import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import type { ConversationKitError } from '../../core/errors';
import type { Conversation, DeleteResult } from '../../core/types';
import { useConversationEvents } from '../../hooks/useConversationEvents';
import { useDeleteConversations } from '../../hooks/useDeleteConversations';
import type { MessagePart, Translator } from '../../i18n/createTranslator';
import { reasonKeyOfSdkCode } from '../../i18n/sdkReasons';
import type { DeletionOutcome, DeletionProgress } from '../../runtime/types';
import { Message } from '../Message/Message';

/** The most frequent reason among the failures, in the person's language where it is known. */
function reasonOf(failed: readonly DeleteResult[], t: Translator['t']): string {
  // Per code: the first result that failed with it, and how many did.
  const byCode = new Map<number, { first: DeleteResult; count: number }>();
  for (const result of failed) {
    const entry = byCode.get(result.code);
    if (entry) {
      entry.count += 1;
    } else {
      byCode.set(result.code, { first: result, count: 1 });
    }
  }
  // Map keeps the order codes were first seen in, so a tie goes to the code seen first.
  let mostFrequent: { first: DeleteResult; count: number } | undefined;
  for (const entry of byCode.values()) {
    if (mostFrequent === undefined || entry.count > mostFrequent.count) mostFrequent = entry;
  }
  const first = mostFrequent?.first ?? (failed[0] as DeleteResult);
  const key = reasonKeyOfSdkCode(first.code);
  return key ? t(key) : first.message;
}

/**
 * What the status region speaks of. Only the source is kept; its sentence is made in render, so a
 * change of locale or messages re-words it, and dismissing it is remembered across re-renders.
 */
type NoticeSource =
  | { kind: 'outcome'; outcome: DeletionOutcome }
  | { kind: 'remote'; count: number; name: string | undefined }
  | { kind: 'refused'; error: ConversationKitError };

/** The sentence of a refusal: nothing was sent, and the person learns why. */
function refusalParts(error: ConversationKitError, translator: Translator): MessagePart[] {
  if (error.code === 'UNKNOWN_CONVERSATION_ID') {
    return translator.parts('refusedUnknownConversation');
  }
  if (error.code === 'EMPTY_SELECTION') return translator.parts('refusedEmptySelection');
  const key = error.sdkCode === undefined ? undefined : reasonKeyOfSdkCode(error.sdkCode);
  return translator.parts('refusedBecause', {
    reason: key ? translator.t(key) : error.message,
  });
}

/** The parts of an outcome's sentence: what was deleted (or how far a stop got), what failed. */
function outcomeParts(outcome: DeletionOutcome, translator: Translator): MessagePart[] {
  const { t } = translator;
  const { deleted, failed, stopped, requested } = outcome;
  const sentences = [
    stopped
      ? translator.parts('stoppedCount', { done: deleted.length, total: requested.length })
      : deleted.length > 0 && translator.parts('deletedCount', { count: deleted.length }),
    failed.length > 0 &&
      translator.parts('failedBecause', {
        failed: t('failedCount', { count: failed.length }),
        reason: reasonOf(failed, t),
      }),
  ].filter((parts): parts is MessagePart[] => parts !== false);
  return sentences.flatMap((parts, index) =>
    index === 0 ? parts : [{ text: '. ', isolate: false }, ...parts],
  );
}

function noticeParts(source: NoticeSource, translator: Translator): MessagePart[] {
  switch (source.kind) {
    case 'outcome':
      return outcomeParts(source.outcome, translator);
    case 'remote':
      return source.name === undefined
        ? translator.parts('remoteDeletedMany', { count: source.count })
        : translator.parts('remoteDeletedOne', { name: source.name });
    case 'refused':
      return refusalParts(source.error, translator);
  }
}

/** What `renderStatus` gets to draw the list's announcements and progress. */
export interface ConversationListStatusProps {
  /**
   * The sentence to announce (an outcome, a refusal, a deletion on another device), names in
   * `<bdi>`; `null` when there is nothing to say. Render it inside an element with
   * `role="status"` that stays in the page while there is no message too: screen readers announce
   * only changes to a live region that already exists.
   */
  message: ReactNode;
  /** Sends exactly the conversations that failed again; absent when nothing is left to retry. */
  retry?: () => void;
  /** Clears the message. */
  dismiss(): void;
  /** How far a deletion of more than one batch has got; `null` otherwise. */
  progress: DeletionProgress | null;
  /** Sends no more batches of the deletion under way. */
  stop(): void;
}

export interface DeletionStatusProps {
  /** The list as last shown: names of conversations that just left are looked up here. */
  conversations: readonly Conversation[];
  /** IDs per chunk: progress shows only for deletions of more than one chunk. */
  maxBatchSize: number;
  /** Draws the status instead of the kit's region. */
  render?: (props: ConversationListStatusProps) => ReactNode;
}

/**
 * The polite live region announcing outcomes, refusals and deletions on other devices, with Retry
 * for exactly the failed conversations, and the progress bar with Stop while a multi-chunk
 * deletion runs.
 */
export function DeletionStatus(props: DeletionStatusProps) {
  const { conversations, maxBatchSize, render } = props;
  const translator = useTranslator();
  const { t } = translator;
  const runtime = useConversationKit();
  const { retryFailed, stop, progress, lastOutcome } = useDeleteConversations();
  const [notice, setNotice] = useState<NoticeSource | null>(null);
  // The list of the last render: the kit emits a deletion before React renders the shorter list,
  // so the name of a conversation that just left is still found here.
  const shownRef = useRef(conversations);
  shownRef.current = conversations;
  const progressLabelID = useId();

  useEffect(() => {
    // An outcome with nothing to say (every ID skipped) leaves the region as it is.
    if (
      lastOutcome &&
      (lastOutcome.deleted.length > 0 || lastOutcome.failed.length > 0 || lastOutcome.stopped)
    ) {
      setNotice({ kind: 'outcome', outcome: lastOutcome });
    }
  }, [lastOutcome]);

  useEffect(
    () =>
      runtime.subscribeToErrors(({ error, refused }) => {
        // A failure after rows left ends in an outcome, announced with its reason and a Retry.
        if (refused) setNotice({ kind: 'refused', error });
      }),
    [runtime],
  );

  useConversationEvents((event) => {
    if (event.type !== 'conversationsDeleted' || event.origin !== 'remote') return;
    const ids = event.conversationIDs;
    const name =
      ids.length === 1
        ? shownRef.current.find((item) => item.conversationID === ids[0])?.displayName
        : undefined;
    setNotice({ kind: 'remote', count: ids.length, name });
  });

  const retryable =
    notice?.kind === 'outcome' &&
    (notice.outcome.failed.length > 0 || notice.outcome.notSent.length > 0)
      ? notice.outcome
      : undefined;
  const retry = retryable
    ? () => {
        setNotice(null);
        retryFailed(retryable);
      }
    : undefined;
  const dismiss = () => setNotice(null);
  const message = notice && <Message parts={noticeParts(notice, translator)} />;
  const showProgress = progress !== null && progress.total > maxBatchSize;

  if (render) {
    return render({ message, retry, dismiss, progress: showProgress ? progress : null, stop });
  }

  return (
    <div className="ck-status-area">
      {showProgress && (
        <div className="ck-progress">
          <span className="ck-progress-label" id={progressLabelID}>
            {t('deleting', { done: progress.done, total: progress.total })}
          </span>
          <div
            role="progressbar"
            className="ck-progress-bar"
            aria-labelledby={progressLabelID}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            style={{ ['--ck-progress' as string]: `${(progress.done / progress.total) * 100}%` }}
          />
          {progress.unsent > 0 && (
            <button type="button" className="ck-button" onClick={stop}>
              {t('stop')}
            </button>
          )}
        </div>
      )}
      <div className="ck-notice" data-state={notice ? 'open' : 'closed'}>
        {/* Always in the document: a live region must exist before its text changes. */}
        <p role="status" className="ck-notice-text">
          {message}
        </p>
        {retry && (
          <button type="button" className="ck-button" onClick={retry}>
            {t('retry')}
          </button>
        )}
        {notice && (
          <button
            type="button"
            className="ck-button ck-notice-dismiss"
            aria-label={t('dismiss')}
            onClick={dismiss}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
    </div>
  );
}
