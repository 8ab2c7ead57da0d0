import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import type { ConversationKitError } from '../../core/errors';
import type { Conversation, DeleteResult } from '../../core/types';
import { useCallbackRef } from '../../hooks/useCallbackRef';
import { useConversationEvents } from '../../hooks/useConversationEvents';
import { useDeletionState } from '../../hooks/useDeletionState';
import { useIsomorphicLayoutEffect } from '../../hooks/useIsomorphicLayoutEffect';
import { type UndoAreaProps, useUndoPause, useUndoWindow } from '../../hooks/useUndoWindow';
import type { MessagePart, Translator } from '../../i18n/createTranslator';
import type { Messages } from '../../i18n/messages';
import { reasonKeyOfSdkCode } from '../../i18n/sdkReasons';
import { idsToRetry } from '../../runtime/classifyResults';
import type { DeletionOutcome, DeletionProgress } from '../../runtime/types';
import { Message } from '../Message/Message';

/** The reason of a backend code in the person's language where the kit words it, else `message`. */
function reasonText(sdkCode: number | undefined, message: string, t: Translator['t']): string {
  const key = sdkCode === undefined ? undefined : reasonKeyOfSdkCode(sdkCode);
  return key ? t(key) : message;
}

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
  return reasonText(first.code, first.message, t);
}

/**
 * A sentence about some conversations: by name when it is one whose name is known ("Deleted
 * Alice"), else by count ("Deleted 3 conversations").
 */
interface CountedSource {
  kind: 'counted';
  one: keyof Messages;
  many: keyof Messages;
  count: number;
  name: string | undefined;
}

/**
 * What the status region speaks of. Only the source is kept; its sentence is made in render, so a
 * change of locale or messages re-words it, and dismissing it is remembered across re-renders.
 */
type NoticeSource =
  | { kind: 'outcome'; outcome: DeletionOutcome }
  | CountedSource
  | { kind: 'refused'; error: ConversationKitError };

/** A sentence about `ids`, naming the conversation when it is one that `shown` lists. */
function counted(
  one: keyof Messages,
  many: keyof Messages,
  ids: readonly string[],
  shown: readonly Conversation[],
): CountedSource {
  const name =
    ids.length === 1
      ? shown.find((item) => item.conversationID === ids[0])?.displayName
      : undefined;
  return { kind: 'counted', one, many, count: ids.length, name };
}

/** Sentences one after the other, in the order given. */
function joinSentences(sentences: MessagePart[][]): MessagePart[] {
  return sentences.flatMap((parts, index) =>
    index === 0 ? parts : [{ text: '. ', isolate: false }, ...parts],
  );
}

/** The sentence of a refusal: nothing was sent, and the person learns why. */
function refusalParts(error: ConversationKitError, translator: Translator): MessagePart[] {
  if (error.code === 'UNKNOWN_CONVERSATION_ID') {
    return translator.parts('refusedUnknownConversation');
  }
  if (error.code === 'EMPTY_SELECTION') return translator.parts('refusedEmptySelection');
  return translator.parts('refusedBecause', {
    reason: reasonText(error.sdkCode, error.message, translator.t),
  });
}

/** The parts of an outcome's sentence: what was deleted (or how far a stop got), what failed. */
function outcomeParts(outcome: DeletionOutcome, translator: Translator): MessagePart[] {
  const { t } = translator;
  const { deleted, failed, stopped, requested, waitingForNetwork = [] } = outcome;
  const sentences = [
    stopped
      ? translator.parts('stoppedCount', { done: deleted.length, total: requested.length })
      : deleted.length > 0 && translator.parts('deletedCount', { count: deleted.length }),
    waitingForNetwork.length > 0 &&
      translator.parts('waitingForNetwork', { count: waitingForNetwork.length }),
    failed.length > 0 &&
      translator.parts('failedBecause', {
        failed: t('failedCount', { count: failed.length }),
        reason: reasonOf(failed, t),
      }),
  ].filter((parts): parts is MessagePart[] => parts !== false);
  return joinSentences(sentences);
}

function noticeParts(source: NoticeSource, translator: Translator): MessagePart[] {
  switch (source.kind) {
    case 'outcome':
      return outcomeParts(source.outcome, translator);
    case 'counted':
      return source.name === undefined
        ? translator.parts(source.many, { count: source.count })
        : translator.parts(source.one, { name: source.name });
    case 'refused':
      return refusalParts(source.error, translator);
  }
}

/** What `renderStatus` gets to draw the list's announcements and progress. */
export interface ConversationListStatusProps {
  /**
   * The sentence to announce (an outcome, a refusal, a deletion on another device, a deletion
   * waiting in its undo window), names in `<bdi>`; `null` when there is nothing to say. Render it
   * inside an element with `role="status"` that stays in the page while there is no message too:
   * screen readers announce only changes to a live region that already exists.
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
  /**
   * While the message names a deletion in its undo window (`undoWindowMs`): `undo` takes it back
   * and `secondsLeft` is what is left of the window (standing still while paused). Offer a button
   * named "Undo", and the seconds as text outside the live region. `null` otherwise.
   */
  undo: { undo(): void; secondsLeft: number } | null;
  /**
   * Spread on the element around your status and its Undo: the undo windows pause while the
   * pointer or focus is on it.
   */
  areaProps: UndoAreaProps;
}

export interface DeletionStatusProps {
  /** The list as last shown: names of conversations that just left are looked up here. */
  conversations: readonly Conversation[];
  /** Draws the status instead of the kit's region. */
  render?: (props: ConversationListStatusProps) => ReactNode;
  /** Called once the conversations an Undo took back are in the list again. */
  onUndone?: (conversationIDs: readonly string[]) => void;
}

/**
 * The polite live region announcing outcomes, refusals and deletions on other devices, with Retry
 * for exactly the failed conversations, and the progress bar with Stop while a multi-chunk
 * deletion runs. With an undo window, it names the most recent deletion in its window beside an
 * Undo button and the seconds left, which stand still while the pointer or focus is on the area.
 */
export function DeletionStatus(props: DeletionStatusProps) {
  const { conversations, render } = props;
  const translator = useTranslator();
  const { t } = translator;
  const runtime = useConversationKit();
  const progress = useDeletionState((state) => state.progress);
  const lastOutcome = useDeletionState((state) => state.lastOutcome);
  const { deletion: latest, secondsLeft } = useUndoWindow();
  const onUndone = useCallbackRef(props.onUndone);
  const [notice, setNotice] = useState<NoticeSource | null>(null);
  /**
   * The sentence of the latest deletion in its undo window. Once the window has passed it stays
   * (without Undo) until the outcome takes its place.
   */
  const [undoSource, setUndoSource] = useState<CountedSource | null>(null);
  /** How each deletion in its window is announced, named when it first showed up here. */
  const undoSourcesRef = useRef(new Map<string, CountedSource>());
  // Deletions that would not survive a reload (storage refused them) and are not sent yet.
  const atRisk = useDeletionState((state) => state.outboxUnavailable && state.inFlightIDs.size > 0);
  // The list as last shown: the kit emits a deletion before React renders the shorter list, so
  // the name of a conversation that just left is still found here.
  const shownRef = useRef(conversations);
  const progressLabelID = useId();
  const undoTimeID = useId();

  // Runs before the shown list is brought up to date below, so a deletion new in its window is
  // named from the list that still showed its rows. The latest deletion's sentence replaces what
  // the region said before. Only a new latest deletion is news, not a new snapshot of it (its
  // clock paused or resumed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the latest deletion's ID
  useIsomorphicLayoutEffect(() => {
    if (!latest) return;
    const sources = undoSourcesRef.current;
    if (!sources.has(latest.deletionID)) {
      sources.set(
        latest.deletionID,
        counted('deletedOne', 'deletedCount', latest.conversationIDs, shownRef.current),
      );
    }
    setUndoSource(sources.get(latest.deletionID) ?? null);
    setNotice(null);
  }, [latest?.deletionID]);

  useIsomorphicLayoutEffect(() => {
    shownRef.current = conversations;
  });

  useEffect(() => {
    if (!lastOutcome) return;
    const { deleted, failed, stopped, undone, notSent } = lastOutcome;
    const waiting = runtime.deletionState.getState().undoable.length > 0;
    if (undone) {
      setNotice(counted('restoredOne', 'restoredCount', notSent, shownRef.current));
      onUndone(notSent);
    } else if (
      failed.length > 0 ||
      stopped ||
      (lastOutcome.waitingForNetwork?.length ?? 0) > 0 ||
      (deleted.length > 0 && !waiting)
    ) {
      // One sent while a later one waits in its window was announced when it was confirmed: the
      // later one's sentence and Undo stay. An outcome with nothing to say (every ID skipped)
      // leaves the region as it is.
      setNotice({ kind: 'outcome', outcome: lastOutcome });
    } else {
      return;
    }
    if (!waiting) {
      // The sentence of a window that has passed gives way to its outcome.
      setUndoSource(null);
      undoSourcesRef.current.clear();
    }
  }, [lastOutcome, runtime, onUndone]);

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
    setNotice(
      counted('remoteDeletedOne', 'remoteDeletedMany', event.conversationIDs, shownRef.current),
    );
  });

  const areaProps = useUndoPause(latest !== undefined);
  const undo = latest ? { undo: () => runtime.undo(latest.deletionID), secondsLeft } : null;
  const retryable =
    notice?.kind === 'outcome' &&
    (notice.outcome.failed.length > 0 || notice.outcome.notSent.length > 0)
      ? notice.outcome
      : undefined;
  const retry = retryable
    ? () => {
        setNotice(null);
        runtime
          .deleteConversations(idsToRetry(retryable), { clearHistory: retryable.clearHistory })
          // A refusal is announced here and reaches onError already.
          .catch(() => {});
      }
    : undefined;
  const dismiss = () => {
    setNotice(null);
    setUndoSource(null);
  };
  const sentences = [
    notice && noticeParts(notice, translator),
    undoSource && noticeParts(undoSource, translator),
    atRisk && translator.parts('outboxUnavailable'),
  ].filter((parts): parts is MessagePart[] => Array.isArray(parts));
  const message = sentences.length > 0 ? <Message parts={joinSentences(sentences)} /> : null;
  // Progress shows only for deletions of more than one chunk.
  const showProgress =
    progress !== null && progress.total > runtime.adapter.capabilities.maxBatchSize;

  if (render) {
    return render({
      message,
      retry,
      dismiss,
      progress: showProgress ? progress : null,
      stop: runtime.stop,
      undo,
      areaProps,
    });
  }

  return (
    // areaProps only note where the pointer and focus are, to pause the undo windows.
    <div className="ck-status-area" {...areaProps}>
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
            <button type="button" className="ck-button" onClick={runtime.stop}>
              {t('stop')}
            </button>
          )}
        </div>
      )}
      <div className="ck-notice" data-state={message ? 'open' : 'closed'}>
        {/* Always in the document: a live region must exist before its text changes. */}
        <p role="status" className="ck-notice-text">
          {message}
        </p>
        {undo && (
          <>
            {/* Outside the live region: the seconds going down are not announced each time. */}
            <span className="ck-undo-time" id={undoTimeID}>
              {t('undoTimeLeft', { count: undo.secondsLeft })}
            </span>
            <button
              type="button"
              className="ck-button"
              aria-describedby={undoTimeID}
              onClick={undo.undo}
            >
              {t('undo')}
            </button>
          </>
        )}
        {retry && (
          <button type="button" className="ck-button" onClick={retry}>
            {t('retry')}
          </button>
        )}
        {/* Undo goes away by itself with its window. */}
        {message && !undo && (
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
