// The Sendbird adapter's published types are the kit's own, so that its .d.ts files do not import
// the optional `@sendbird/chat`. This holds them against the SDK's own typings: an SDK change that
// matters to the adapter fails here.
import type { ConnectionHandler } from '@sendbird/chat';
import type {
  GroupChannel,
  GroupChannelHandler,
  GroupChannelHideParams,
  SendbirdGroupChat,
} from '@sendbird/chat/groupChannel';
import type { ChatAdapter } from 'conversation-kit';
import {
  createSendbirdChatAdapter,
  type SendbirdChatAdapterOptions,
  type SendbirdChatInstance,
  type SendbirdConnectionHandlerParams,
  type SendbirdGroupChannel,
  type SendbirdGroupChannelHandlerParams,
  type SendbirdHideParams,
} from 'conversation-kit/sendbird';
import { describe, expectTypeOf, test } from 'vitest';

describe('the Sendbird adapter against the SDK typings', () => {
  test('an SDK instance with the group channel module is a SendbirdChatInstance', () => {
    expectTypeOf<SendbirdGroupChat>().toExtend<SendbirdChatInstance>();
    expectTypeOf(createSendbirdChatAdapter).toBeCallableWith({} as SendbirdGroupChat);
    expectTypeOf(createSendbirdChatAdapter)
      .parameter(1)
      .toEqualTypeOf<SendbirdChatAdapterOptions | undefined>();
    expectTypeOf(createSendbirdChatAdapter).returns.toEqualTypeOf<ChatAdapter>();
  });

  test("the SDK's GroupChannel is a SendbirdGroupChannel; hide's options are the SDK's", () => {
    expectTypeOf<GroupChannel>().toExtend<SendbirdGroupChannel>();
    expectTypeOf<SendbirdHideParams>().toEqualTypeOf<GroupChannelHideParams>();
  });

  test("the kit's callbacks fit the SDK's handler classes, whose calls they accept", () => {
    expectTypeOf<SendbirdGroupChannelHandlerParams>().toExtend<
      ConstructorParameters<typeof GroupChannelHandler>[0]
    >();
    expectTypeOf<SendbirdConnectionHandlerParams>().toExtend<
      ConstructorParameters<typeof ConnectionHandler>[0]
    >();
  });
});
