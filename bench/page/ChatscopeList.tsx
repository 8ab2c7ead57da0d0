import {
  Conversation as ChatscopeConversation,
  ConversationList,
} from '@chatscope/chat-ui-kit-react';
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { useState } from 'react';
import type { Conversation } from '../../src';
import type { BenchControls } from './benchControls';

/** @chatscope/chat-ui-kit-react's list; it has no selection, so a row's `active` state stands in. */
export function ChatscopeList(props: { conversations: Conversation[]; controls: BenchControls }) {
  const [conversations, setConversations] = useState(props.conversations);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  props.controls.removeIDs = (ids) => {
    const gone = new Set(ids);
    setConversations((list) => list.filter((item) => !gone.has(item.conversationID)));
  };
  props.controls.selectFirst = (count) =>
    setSelected(new Set(conversations.slice(0, count).map((item) => item.conversationID)));
  props.controls.ids = () => conversations.map((item) => item.conversationID);
  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <div>
        <label>
          <input
            type="checkbox"
            data-bench="select-all"
            checked={selected.size === conversations.length}
            onChange={() =>
              setSelected(
                selected.size === conversations.length
                  ? new Set()
                  : new Set(conversations.map((item) => item.conversationID)),
              )
            }
          />
          Select all
        </label>
        <button
          type="button"
          data-bench="delete-selected"
          onClick={() => {
            setConversations((list) => list.filter((item) => !selected.has(item.conversationID)));
            setSelected(new Set());
          }}
        >
          Delete
        </button>
      </div>
      <ConversationList style={{ flex: 1 }}>
        {conversations.map((conversation) => (
          <ChatscopeConversation
            key={conversation.conversationID}
            data-bench-row={conversation.conversationID}
            name={conversation.displayName}
            info={conversation.lastMessage?.text}
            unreadCnt={conversation.unreadCount}
            active={selected.has(conversation.conversationID)}
            onClick={() => {
              const next = new Set(selected);
              if (next.has(conversation.conversationID)) next.delete(conversation.conversationID);
              else next.add(conversation.conversationID);
              setSelected(next);
            }}
          />
        ))}
      </ConversationList>
    </div>
  );
}
