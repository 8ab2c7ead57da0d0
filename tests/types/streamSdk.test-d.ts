// The Stream Chat adapter's types are the kit's own, so that its published .d.ts files do not
// import the optional `stream-chat`. This holds them against the SDK's own typings: an SDK change
// that matters to the adapter fails here.
import type { ChatAdapter } from 'conversation-kit';
import {
  createStreamChatAdapter,
  type StreamChannel,
  type StreamChatAdapterOptions,
  type StreamChatClient,
} from 'conversation-kit/stream';
import type { Channel, EventTypes, LocalMessage, StreamChat } from 'stream-chat';
import { describe, expectTypeOf, test } from 'vitest';

describe('the Stream Chat adapter against the SDK typings', () => {
  test("the SDK's StreamChat is a StreamChatClient: createStreamChatAdapter(client) takes one", () => {
    expectTypeOf<StreamChat>().toExtend<StreamChatClient>();
    expectTypeOf(createStreamChatAdapter).toBeCallableWith({} as StreamChat);
    expectTypeOf(createStreamChatAdapter).toBeCallableWith({} as StreamChat, {
      channelType: 'team',
    });
    expectTypeOf(createStreamChatAdapter)
      .parameter(1)
      .toEqualTypeOf<StreamChatAdapterOptions | undefined>();
    expectTypeOf(createStreamChatAdapter).returns.toEqualTypeOf<ChatAdapter>();
  });

  test("the SDK's Channel is a StreamChannel, and hide takes (userID, clearHistory)", () => {
    expectTypeOf<Channel>().toExtend<StreamChannel>();
    expectTypeOf<Channel['hide']>().parameters.toEqualTypeOf<
      [userId?: string | null, clearHistory?: boolean]
    >();
    expectTypeOf<LocalMessage['created_at']>().toExtend<Date | string | undefined>();
  });

  test('the events the adapter listens to are event types of the SDK', () => {
    type Heard =
      | 'channel.hidden'
      | 'channel.deleted'
      | 'notification.channel_deleted'
      | 'channel.visible'
      | 'message.new'
      | 'notification.message_new'
      | 'connection.changed';
    expectTypeOf<Heard>().toExtend<EventTypes>();
  });
});
