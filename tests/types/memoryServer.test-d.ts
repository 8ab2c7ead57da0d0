// SPEC section 7: the in-memory server's options and its `calls` log. Fields may be added (an
// alias such as `deviceID` is fine); the ones the SPEC names keep their names and types, which
// `Pick<Actual, keyof Spec>` equal to `Spec` checks (optionality included).
import {
  type ChatAdapter,
  type Conversation,
  createMemoryChatServer,
  type MemoryChatCall,
  type MemoryChatServer,
  type MemoryChatServerOptions,
} from 'conversation-kit';
import { describe, expectTypeOf, test } from 'vitest';

describe('createMemoryChatServer', () => {
  test('takes optional options of the SPEC shape', () => {
    expectTypeOf(createMemoryChatServer).toBeCallableWith();
    expectTypeOf(createMemoryChatServer).toBeCallableWith({
      conversations: 200,
      seed: 7,
      multiClientSync: false,
      latencyMs: 50,
    });
    expectTypeOf(createMemoryChatServer).toBeCallableWith({ conversations: [] as Conversation[] });
    expectTypeOf(createMemoryChatServer)
      .parameter(0)
      .toEqualTypeOf<MemoryChatServerOptions | undefined>();
    type SpecOptions = {
      conversations?: Conversation[] | number;
      seed?: number;
      multiClientSync?: boolean;
      latencyMs?: number;
    };
    expectTypeOf<Pick<MemoryChatServerOptions, keyof SpecOptions>>().toEqualTypeOf<SpecOptions>();
    expectTypeOf(createMemoryChatServer).returns.toEqualTypeOf<MemoryChatServer>();
  });

  test('the server has the SPEC methods', () => {
    expectTypeOf<MemoryChatServer>().toExtend<{
      connect(deviceId?: string): ChatAdapter;
      listConversations(): Conversation[];
      historyLength(conversationID: string): number;
      receiveMessage(conversationID: string, text: string): void;
      failNext(
        fault:
          | { conversationIDs?: string[]; code: number; message?: string }
          | { call: 'reject'; code: number },
      ): void;
      readonly calls: ReadonlyArray<{
        device: string;
        method: 'deleteConversation' | 'deleteConversationList';
        conversationIDs: string[];
        clearMessage: boolean;
      }>;
    }>();
    expectTypeOf<MemoryChatServer['connect']>().toBeCallableWith('phone');
    expectTypeOf<MemoryChatServer['failNext']>().toBeCallableWith({ call: 'reject', code: 2800 });
    expectTypeOf<MemoryChatServer['failNext']>().toBeCallableWith({
      conversationIDs: ['C2Calice'],
      code: 2500,
    });
  });

  test('calls entries: device, method, conversationIDs, clearMessage', () => {
    expectTypeOf<MemoryChatServer['calls']>().toEqualTypeOf<ReadonlyArray<MemoryChatCall>>();
    type SpecCall = {
      device: string;
      method: 'deleteConversation' | 'deleteConversationList';
      conversationIDs: string[];
      clearMessage: boolean;
    };
    expectTypeOf<Pick<MemoryChatCall, keyof SpecCall>>().toEqualTypeOf<SpecCall>();
    // `calls` is read-only to the host: no push, no reassignment.
    expectTypeOf<MemoryChatServer['calls']>().not.toHaveProperty('push');
    expectTypeOf<Pick<MemoryChatServer, 'calls'>>().toEqualTypeOf<
      Readonly<Pick<MemoryChatServer, 'calls'>>
    >();
  });

  test('setOnline(online: boolean) (SPEC 7), and the online state it sets', () => {
    expectTypeOf<MemoryChatServer['setOnline']>().toEqualTypeOf<(online: boolean) => void>();
    expectTypeOf<MemoryChatServer['online']>().toEqualTypeOf<boolean>();
    expectTypeOf<Pick<MemoryChatServer, 'online'>>().toEqualTypeOf<
      Readonly<Pick<MemoryChatServer, 'online'>>
    >();
  });

  test('one account for every device: the accountID option', () => {
    expectTypeOf(createMemoryChatServer).toBeCallableWith({ accountID: 'alice' });
    expectTypeOf(createMemoryChatServer).toBeCallableWith({ accountID: null });
    expectTypeOf<MemoryChatServerOptions['accountID']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ReturnType<MemoryChatServer['connect']>['accountID']>().toEqualTypeOf<
      string | undefined
    >();
  });
});
