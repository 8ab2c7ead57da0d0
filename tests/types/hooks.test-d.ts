// The hooks' return types, as a host calls them. The `mutate`/`mutateAsync` pairs follow
// react-query: the plain call returns nothing (a refusal lands in `error` and `onError`), the
// `Async` one resolves with the outcome.
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import {
  type Conversation,
  type ConversationEvent,
  type DeleteConversationsVariables,
  type DeleteConversationVariables,
  type DeleteResult,
  type DeletionOutcome,
  type DeletionProgress,
  type DeletionRequest,
  useConversationEvents,
  type useConversationSelection,
  useConversations,
  type useDeleteConversation,
  type useDeleteConversations,
  type useDeletionRequest,
} from 'conversation-kit';
import { describe, expectTypeOf, test } from 'vitest';

describe('hooks', () => {
  test('useConversations(): a react-query result of Conversation[]', () => {
    expectTypeOf(useConversations).parameters.toEqualTypeOf<[]>();
    expectTypeOf(useConversations).returns.toEqualTypeOf<UseQueryResult<Conversation[]>>();
  });

  test('useDeleteConversation(): deleteConversation returns void, deleteConversationAsync the outcome', () => {
    type Result = ReturnType<typeof useDeleteConversation>;
    expectTypeOf<Result['deleteConversation']>().toEqualTypeOf<
      (conversationID: string, options: { clearHistory: boolean }) => void
    >();
    expectTypeOf<Result['deleteConversationAsync']>().toEqualTypeOf<
      (conversationID: string, options: { clearHistory: boolean }) => Promise<DeletionOutcome>
    >();
    expectTypeOf<Result['outcome']>().toEqualTypeOf<DeletionOutcome | undefined>();
    // The react-query mutation it wraps, spread in.
    expectTypeOf<Result>().toExtend<
      UseMutationResult<DeletionOutcome, Error, DeleteConversationVariables>
    >();
    expectTypeOf<DeleteConversationVariables>().toEqualTypeOf<{
      conversationID: string;
      clearHistory: boolean;
    }>();
  });

  test('useDeleteConversations(): deleteConversations returns void, deleteConversationsAsync Promise<DeletionOutcome>', () => {
    type Result = ReturnType<typeof useDeleteConversations>;
    type Options = { clearHistory: boolean; concurrency?: number };
    expectTypeOf<Result['deleteConversations']>().toEqualTypeOf<
      (conversationIDs: readonly string[], options: Options) => void
    >();
    expectTypeOf<Result['deleteConversationsAsync']>().toEqualTypeOf<
      (conversationIDs: readonly string[], options: Options) => Promise<DeletionOutcome>
    >();
    expectTypeOf<Result['retryFailed']>().toEqualTypeOf<(outcome: DeletionOutcome) => void>();
    expectTypeOf<Result['retryFailedAsync']>().toEqualTypeOf<
      (outcome: DeletionOutcome) => Promise<DeletionOutcome>
    >();
    expectTypeOf<Result['stop']>().returns.toEqualTypeOf<void>();
    expectTypeOf<Result['progress']>().toEqualTypeOf<DeletionProgress | null>();
    expectTypeOf<Result['lastOutcome']>().toEqualTypeOf<DeletionOutcome | null>();
    expectTypeOf<Result>().toExtend<
      UseMutationResult<DeletionOutcome, Error, DeleteConversationsVariables>
    >();
    expectTypeOf<DeleteConversationsVariables>().toEqualTypeOf<{
      conversationIDs: readonly string[];
      clearHistory: boolean;
      concurrency?: number;
    }>();
  });

  test('DeletionOutcome and DeletionProgress', () => {
    expectTypeOf<DeletionOutcome>().toEqualTypeOf<{
      requested: string[];
      deleted: string[];
      failed: DeleteResult[];
      notSent: string[];
      skipped: string[];
      stopped: boolean;
      clearHistory: boolean;
      results: DeleteResult[];
      undone?: boolean;
      waitingForNetwork?: string[];
    }>();
    expectTypeOf<DeletionProgress>().toEqualTypeOf<{
      done: number;
      total: number;
      unsent: number;
    }>();
  });

  test('useConversationSelection(): mode, IDs, count and actions', () => {
    type Result = ReturnType<typeof useConversationSelection>;
    expectTypeOf<Result['selectionMode']>().toEqualTypeOf<boolean>();
    expectTypeOf<Result['selectedIDs']>().toExtend<ReadonlySet<string>>();
    expectTypeOf<Result['selectedCount']>().toEqualTypeOf<number>();
    expectTypeOf<Result['enterSelectionMode']>().toBeFunction();
    expectTypeOf<Result['exitSelectionMode']>().toBeFunction();
    expectTypeOf<Result['toggle']>().toBeCallableWith('C2Calice');
    expectTypeOf<Result['selectAll']>().toBeFunction();
    expectTypeOf<Result['clearSelection']>().toBeFunction();
  });

  test('useConversationEvents(handler): every ConversationEvent, returns nothing', () => {
    expectTypeOf(useConversationEvents).parameters.toEqualTypeOf<
      [handler: (event: ConversationEvent) => void]
    >();
    expectTypeOf(useConversationEvents).returns.toEqualTypeOf<void>();
  });

  test('useDeletionRequest(): confirm returns void, confirmAsync the outcome or null', () => {
    type Result = ReturnType<typeof useDeletionRequest>;
    expectTypeOf<Result['pendingDeletion']>().toEqualTypeOf<DeletionRequest | null>();
    expectTypeOf<DeletionRequest>().toEqualTypeOf<{
      conversationIDs: string[];
      clearHistory: boolean;
    }>();
    expectTypeOf<Result['confirm']>().toEqualTypeOf<() => void>();
    expectTypeOf<Result['confirmAsync']>().toEqualTypeOf<() => Promise<DeletionOutcome | null>>();
    expectTypeOf<Result['cancelDeletion']>().toBeFunction();
    expectTypeOf<Result['setClearHistory']>().toBeCallableWith(true);
  });
});

// The headless behaviour hooks `useConversationGrid` and `useConversationRow` are held in
// behaviourHooks.test-d.tsx, with a host list built on them.
