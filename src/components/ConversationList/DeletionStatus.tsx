import { useEffect, useId, useRef, useState } from 'react';
import { reasonKeyOfSdkCode } from '../../core/errors';
import type { Conversation, DeleteResult } from '../../core/types';
import { useConversationEvents } from '../../hooks/useConversationEvents';
import { useDeleteConversations } from '../../hooks/useDeleteConversations';
import type { Translator } from '../../i18n/createTranslator';
import type { DeletionOutcome } from '../../store/createConversationStore';
import { useTranslator } from '../ConversationKitProvider/TranslatorContext';

/** The most frequent reason among the failures, in the person's language where it is known. */
function reasonOf(failed: readonly DeleteResult[], t: Translator['t']): string {
  // Per code, its first result and how many failed with it (ties go to the code seen first).
  const byCode = new Map<number, [first: DeleteResult, count: number]>();
  for (const result of failed) {
    const entry = byCode.get(result.code);
    if (entry) entry[1] += 1;
    else byCode.set(result.code, [result, 1]);
  }
  let [first, count] = [failed[0] as DeleteResult, 0];
  for (const entry of byCode.values()) if (entry[1] > count) [first, count] = entry;
  const key = reasonKeyOfSdkCode(first.code);
  return key ? t(key) : first.message;
}

interface Notice {
  text: string;
  /** The outcome whose failures (and unsent IDs) Retry sends again. */
  retryable?: DeletionOutcome;
}

export interface DeletionStatusProps {
  /** The list as last shown: names of conversations that just left are looked up here. */
  conversations: readonly Conversation[];
  /** IDs per chunk: progress shows only for deletions of more than one chunk. */
  maxBatchSize: number;
}

/**
 * The polite live region announcing outcomes, with Retry for exactly the failed conversations,
 * and the progress bar with Stop while a multi-chunk deletion runs.
 */
export function DeletionStatus(props: DeletionStatusProps) {
  const { conversations, maxBatchSize } = props;
  const { t } = useTranslator();
  const { retryFailed, stop, progress, lastOutcome } = useDeleteConversations();
  const [notice, setNotice] = useState<Notice | null>(null);
  // The list of the last render: the kit emits a deletion before React renders the shorter list,
  // so the name of a conversation that just left is still found here.
  const shownRef = useRef(conversations);
  shownRef.current = conversations;
  const progressLabelID = useId();

  useEffect(() => {
    if (!lastOutcome) return;
    const { deleted, failed, notSent, stopped, requested } = lastOutcome;
    // What was deleted (or how far a stopped deletion got), then what failed; empty parts go.
    const parts = [
      stopped
        ? t('stoppedCount', { done: deleted.length, total: requested.length })
        : deleted.length > 0 && t('deletedCount', { count: deleted.length }),
      failed.length > 0 &&
        t('failedBecause', {
          failed: t('failedCount', { count: failed.length }),
          reason: reasonOf(failed, t),
        }),
    ].filter(Boolean);
    if (parts.length === 0) return;
    const retryable = failed.length > 0 || notSent.length > 0 ? lastOutcome : undefined;
    setNotice({ text: parts.join('. '), retryable });
  }, [lastOutcome, t]);

  useConversationEvents((event) => {
    if (event.type !== 'conversationsDeleted' || event.origin !== 'remote') return;
    const ids = event.conversationIDs;
    const name =
      ids.length === 1
        ? shownRef.current.find((item) => item.conversationID === ids[0])?.displayName
        : undefined;
    setNotice({
      text:
        name === undefined
          ? t('remoteDeletedMany', { count: ids.length })
          : t('remoteDeletedOne', { name }),
    });
  });

  const showProgress = progress !== null && progress.total > maxBatchSize;

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
          {notice?.text ?? ''}
        </p>
        {notice?.retryable && (
          <button
            type="button"
            className="ck-button"
            onClick={() => {
              const outcome = notice.retryable as DeletionOutcome;
              setNotice(null);
              retryFailed(outcome).catch(() => {
                // The rows are already back in the list; a refusal (e.g. they left meanwhile)
                // leaves nothing to retry.
              });
            }}
          >
            {t('retry')}
          </button>
        )}
        {notice && (
          <button
            type="button"
            className="ck-button ck-notice-dismiss"
            aria-label={t('dismiss')}
            onClick={() => setNotice(null)}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
    </div>
  );
}
