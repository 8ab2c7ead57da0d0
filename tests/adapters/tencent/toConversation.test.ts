import { describe, expect, it } from 'vitest';
import { toConversation } from '../../../src/adapters/tencent';
import { sdkConversation } from './fakeTencentChat';

describe('mapping an SDK conversation', () => {
  it('names a friend by the remark first', () => {
    const conversation = toConversation(
      sdkConversation({ conversationID: 'C2Calice', remark: 'Mum', nick: 'Alice' }),
    );
    expect(conversation.displayName).toBe('Mum');
    expect(conversation.type).toBe('C2C');
  });

  it('names a user by the nickname when there is no remark, else by the user ID', () => {
    expect(
      toConversation(sdkConversation({ conversationID: 'C2Calice', nick: 'Alice' })).displayName,
    ).toBe('Alice');
    expect(
      toConversation(sdkConversation({ conversationID: 'C2Calice', userID: 'alice' })).displayName,
    ).toBe('alice');
  });

  it('names a group by its name, else by its group ID', () => {
    const named = toConversation(
      sdkConversation({ conversationID: 'GROUPteam', groupName: 'Team', groupID: 'team' }),
    );
    expect(named).toMatchObject({ type: 'GROUP', displayName: 'Team' });
    expect(
      toConversation(sdkConversation({ conversationID: 'GROUP@TGS#1', groupID: '@TGS#1' }))
        .displayName,
    ).toBe('@TGS#1');
  });

  it('maps the system conversation to SYSTEM, named System unless the host names it', () => {
    const system = sdkConversation({ conversationID: '@TIM#SYSTEM' });
    expect(toConversation(system)).toMatchObject({ type: 'SYSTEM', displayName: 'System' });
    expect(toConversation(system, { systemConversationName: 'システム' }).displayName).toBe(
      'システム',
    );
  });

  it('turns lastTime from seconds into milliseconds', () => {
    const conversation = toConversation(
      sdkConversation({
        conversationID: 'C2Calice',
        lastMessage: { messageForShow: 'See you', lastTime: 1_700_000_123 },
      }),
    );
    expect(conversation.lastMessage).toEqual({ text: 'See you', timestamp: 1_700_000_123_000 });
  });

  it('leaves lastMessage out when the conversation has no message', () => {
    const conversation = toConversation(
      sdkConversation({ conversationID: 'C2Calice', lastMessage: null }),
    );
    expect(conversation).not.toHaveProperty('lastMessage');
  });

  it('leaves lastMessage out when the SDK object has none at all', () => {
    const conversation = toConversation({
      ...sdkConversation({ conversationID: 'C2Calice' }),
      lastMessage: undefined,
    });
    expect(conversation).not.toHaveProperty('lastMessage');
  });

  it('takes the avatar from the profile of its kind and leaves an empty one out', () => {
    expect(
      toConversation(sdkConversation({ conversationID: 'C2Calice', avatar: 'https://a/alice.png' }))
        .avatarUrl,
    ).toBe('https://a/alice.png');
    expect(
      toConversation(sdkConversation({ conversationID: 'GROUPteam', avatar: 'https://a/team.png' }))
        .avatarUrl,
    ).toBe('https://a/team.png');
    expect(toConversation(sdkConversation({ conversationID: 'C2Cbob' }))).not.toHaveProperty(
      'avatarUrl',
    );
  });

  it('copies the unread count and the pinned flag', () => {
    expect(
      toConversation(
        sdkConversation({ conversationID: 'GROUPteam', unreadCount: 7, isPinned: true }),
      ),
    ).toEqual({
      conversationID: 'GROUPteam',
      type: 'GROUP',
      displayName: 'team',
      unreadCount: 7,
      isPinned: true,
      lastMessage: { text: 'Hi', timestamp: 1_700_000_000_000 },
    });
  });

  it('falls back to the conversation ID for a name, never to a part of it', () => {
    const conversation = toConversation({
      ...sdkConversation({ conversationID: 'C2Calice' }),
      userProfile: undefined as never,
    });
    expect(conversation.displayName).toBe('C2Calice');
  });
});
