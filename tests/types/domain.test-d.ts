// SPEC section 7, the domain types, exactly: code outside this repo relies on these shapes, so
// any change to them (a renamed field, a widened union, a dropped `readonly`) fails here.
import {
  type AdapterCapabilities,
  type ChatAdapter,
  type Conversation,
  type ConversationEvent,
  ConversationKitError,
  type DeleteListOptions,
  type DeleteResult,
  type DeletionOrigin,
  isConversationKitError,
} from 'conversation-kit';
import { describe, expectTypeOf, test } from 'vitest';

describe('SPEC 7 domain types', () => {
  test('Conversation', () => {
    expectTypeOf<Conversation>().toEqualTypeOf<{
      conversationID: string;
      type: 'C2C' | 'GROUP' | 'SYSTEM';
      displayName: string;
      avatarUrl?: string;
      lastMessage?: { text: string; timestamp: number };
      unreadCount: number;
      isPinned: boolean;
    }>();
  });

  test('DeleteResult', () => {
    expectTypeOf<DeleteResult>().toEqualTypeOf<{
      conversationID: string;
      ok: boolean;
      code: number;
      message: string;
    }>();
  });

  test('ConversationEvent', () => {
    expectTypeOf<ConversationEvent>().toEqualTypeOf<
      | { type: 'conversationsDeleted'; conversationIDs: string[]; origin: 'local' | 'remote' }
      | { type: 'conversationsUpdated'; conversations: Conversation[] }
    >();
    expectTypeOf<DeletionOrigin>().toEqualTypeOf<'local' | 'remote'>();
  });

  test('ChatAdapter, with deleteConversationList(ids, { clearMessage })', () => {
    // SPEC 7 fixes these members; optional ones may be added (see the next test).
    type SpecAdapter = {
      readonly capabilities: { maxBatchSize: number; keepHistory: boolean };
      getConversationList(): Promise<Conversation[]>;
      deleteConversation(conversationID: string): Promise<DeleteResult>;
      deleteConversationList(
        conversationIDs: string[],
        options: { clearMessage: boolean },
      ): Promise<DeleteResult[]>;
      subscribe(listener: (event: ConversationEvent) => void): () => void;
    };
    expectTypeOf<Pick<ChatAdapter, keyof SpecAdapter>>().toEqualTypeOf<SpecAdapter>();
    expectTypeOf<AdapterCapabilities>().toEqualTypeOf<{
      maxBatchSize: number;
      keepHistory: boolean;
    }>();
    expectTypeOf<DeleteListOptions>().toEqualTypeOf<{ clearMessage: boolean }>();
  });

  test('ChatAdapter adds only optional members: accountID, cacheKey, subscribeToConnection, isConversationID', () => {
    type Added = Omit<
      ChatAdapter,
      | 'capabilities'
      | 'getConversationList'
      | 'deleteConversation'
      | 'deleteConversationList'
      | 'subscribe'
    >;
    expectTypeOf<Added>().toEqualTypeOf<{
      readonly accountID?: string;
      readonly cacheKey?: string;
      subscribeToConnection?(listener: (online: boolean) => void): () => void;
      isConversationID?(value: string): boolean;
    }>();
    // `readonly`: a Pick of it equals its Readonly form only if the property is readonly.
    expectTypeOf<Pick<ChatAdapter, 'accountID'>>().toEqualTypeOf<
      Readonly<Pick<ChatAdapter, 'accountID'>>
    >();
  });

  test('a host-written adapter of exactly the SPEC shape is a ChatAdapter', () => {
    const adapter = {
      capabilities: { maxBatchSize: 100, keepHistory: true },
      getConversationList: async (): Promise<Conversation[]> => [],
      deleteConversation: async (conversationID: string): Promise<DeleteResult> => ({
        conversationID,
        ok: true,
        code: 0,
        message: '',
      }),
      deleteConversationList: async (
        ids: string[],
        { clearMessage }: { clearMessage: boolean },
      ): Promise<DeleteResult[]> =>
        ids.map((conversationID) => ({ conversationID, ok: clearMessage, code: 0, message: '' })),
      subscribe: (_listener: (event: ConversationEvent) => void) => () => {},
    };
    expectTypeOf(adapter).toExtend<ChatAdapter>();
  });

  test('ConversationKitError: an Error with a readonly string code', () => {
    expectTypeOf<ConversationKitError>().toExtend<Error>();
    expectTypeOf<ConversationKitError['code']>().toExtend<string>();
    // `readonly`: a Pick of it equals its Readonly form only if the property is readonly.
    expectTypeOf<Pick<ConversationKitError, 'code'>>().toEqualTypeOf<
      Readonly<Pick<ConversationKitError, 'code'>>
    >();
    expectTypeOf(ConversationKitError).toBeConstructibleWith('INVALID_ARGUMENT', 'message');
    expectTypeOf(isConversationKitError).guards.toEqualTypeOf<ConversationKitError>();
  });
});
