import { useState } from 'react';
import type { Conversation } from '../../src';
import type { BenchControls } from './benchControls';

/** The baseline: every row rendered, state in useState, a Set of selected IDs. */
export function NaiveList(props: { conversations: Conversation[]; controls: BenchControls }) {
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
    <div style={{ height: '100%', overflow: 'auto' }}>
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
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {conversations.map((conversation) => (
          <li
            key={conversation.conversationID}
            data-bench-row={conversation.conversationID}
            style={{ display: 'flex', gap: 8, height: 72, alignItems: 'center' }}
          >
            <input
              type="checkbox"
              data-bench="row-checkbox"
              aria-label={`Select ${conversation.displayName}`}
              checked={selected.has(conversation.conversationID)}
              onChange={() => {
                const next = new Set(selected);
                if (next.has(conversation.conversationID)) next.delete(conversation.conversationID);
                else next.add(conversation.conversationID);
                setSelected(next);
              }}
            />
            <div>
              <strong>{conversation.displayName}</strong>
              <div>{conversation.lastMessage?.text}</div>
            </div>
            <span>{conversation.unreadCount > 0 ? conversation.unreadCount : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
