// The Tencent adapter's types are the kit's own, so that its published .d.ts files do not import
// the optional `@tencentcloud/chat`. This holds them against the SDK's own typings ("type-checked
// against the SDK's own typings", SPEC): an SDK change that matters to the adapter fails here.
import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK, Conversation as SdkConversation } from '@tencentcloud/chat';
import { type ChatAdapter, createTencentChatAdapter } from 'conversation-kit';
import {
  type TencentChat,
  type TencentChatAdapterOptions,
  type TencentConversation,
  type TencentDeleteConversationOptions,
  toConversation,
} from 'conversation-kit/tencent';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type CONVERSATION_LIST_UPDATED,
  type NET_STATE_CHANGE,
  TencentConversationType,
  TencentNetState,
} from '../../src/adapters/tencent';

describe('the Tencent adapter against the SDK typings', () => {
  test("the SDK's ChatSDK is a TencentChat: createTencentChatAdapter(chat) takes an instance", () => {
    expectTypeOf<ChatSDK>().toExtend<TencentChat>();
    expectTypeOf(createTencentChatAdapter).toBeCallableWith({} as ChatSDK);
    expectTypeOf(createTencentChatAdapter).toBeCallableWith({} as ChatSDK, {
      systemConversationName: 'Notices',
    });
    expectTypeOf(createTencentChatAdapter)
      .parameter(1)
      .toEqualTypeOf<TencentChatAdapterOptions | undefined>();
    expectTypeOf(createTencentChatAdapter).returns.toEqualTypeOf<ChatAdapter>();
  });

  test("getLoginUser is the SDK's, optional in the kit's type (a wrapper may leave it out)", () => {
    expectTypeOf<ChatSDK['getLoginUser']>().toBeFunction();
    expectTypeOf<ChatSDK['getLoginUser']>().parameters.toEqualTypeOf<[]>();
    // The SDK types the user ID as the boxed `String`; the adapter reads it defensively.
    // biome-ignore lint/complexity/noBannedTypes: the SDK's own declared return type
    expectTypeOf<ReturnType<ChatSDK['getLoginUser']>>().toEqualTypeOf<String>();
    expectTypeOf<TencentChat['getLoginUser']>().toEqualTypeOf<(() => unknown) | undefined>();
    expectTypeOf<Omit<TencentChat, 'getLoginUser'>>().toExtend<TencentChat>();
  });

  test("an SDK Conversation is a TencentConversation: toConversation takes the SDK's objects", () => {
    expectTypeOf<SdkConversation>().toExtend<TencentConversation>();
    expectTypeOf(toConversation).toBeCallableWith({} as SdkConversation);
  });

  test("the options the adapter sends are exactly the SDK's DELETE_CONVERSATION_OPTIONS", () => {
    expectTypeOf<TencentDeleteConversationOptions>().toEqualTypeOf<
      Exclude<Parameters<ChatSDK['deleteConversation']>[0], string>
    >();
  });

  test("the event name and conversation types are the SDK's enum values", () => {
    expectTypeOf<
      typeof CONVERSATION_LIST_UPDATED
    >().toEqualTypeOf<`${TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED}`>();
    expectTypeOf(TencentConversationType).toEqualTypeOf<{
      readonly C2C: `${TencentCloudChat.TYPES.CONV_C2C}`;
      readonly GROUP: `${TencentCloudChat.TYPES.CONV_GROUP}`;
      readonly TOPIC: `${TencentCloudChat.TYPES.CONV_TOPIC}`;
      readonly SYSTEM: `${TencentCloudChat.TYPES.CONV_SYSTEM}`;
    }>();
  });

  test("the connection event and its states are the SDK's enum values", () => {
    expectTypeOf<
      typeof NET_STATE_CHANGE
    >().toEqualTypeOf<`${TencentCloudChat.EVENT.NET_STATE_CHANGE}`>();
    expectTypeOf(TencentNetState).toEqualTypeOf<{
      readonly CONNECTED: `${TencentCloudChat.TYPES.NET_STATE_CONNECTED}`;
      readonly CONNECTING: `${TencentCloudChat.TYPES.NET_STATE_CONNECTING}`;
      readonly DISCONNECTED: `${TencentCloudChat.TYPES.NET_STATE_DISCONNECTED}`;
    }>();
  });

  test('the adapter has the optional account and connection members of ChatAdapter', () => {
    const adapter = createTencentChatAdapter({} as ChatSDK);
    expectTypeOf(adapter.accountID).toEqualTypeOf<string | undefined>();
    expectTypeOf(adapter.subscribeToConnection).toEqualTypeOf<
      ((listener: (online: boolean) => void) => () => void) | undefined
    >();
  });
});
