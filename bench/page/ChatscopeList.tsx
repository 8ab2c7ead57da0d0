import {
  Conversation as ChatscopeConversation,
  ConversationList,
} from '@chatscope/chat-ui-kit-react';
import type { Conversation } from '../../src';
import type { BenchControls } from './benchControls';
import { BaselineToolbar, useBaselineList } from './useBaselineList';

/** @chatscope/chat-ui-kit-react's list; it has no selection, so a row's `active` state stands in. */
export function ChatscopeList(props: { conversations: Conversation[]; controls: BenchControls }) {
  const list = useBaselineList(props.conversations, props.controls);
  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <BaselineToolbar {...list} />
      <ConversationList style={{ flex: 1 }}>
        {list.conversations.map((conversation) => (
          <ChatscopeConversation
            key={conversation.conversationID}
            data-bench-row={conversation.conversationID}
            name={conversation.displayName}
            info={conversation.lastMessage?.text}
            unreadCnt={conversation.unreadCount}
            active={list.selected.has(conversation.conversationID)}
            onClick={() => list.toggle(conversation.conversationID)}
          />
        ))}
      </ConversationList>
    </div>
  );
}
