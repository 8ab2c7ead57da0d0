import type { Conversation } from '../../src';
import type { BenchControls } from './benchControls';
import { BaselineToolbar, useBaselineList } from './useBaselineList';

/** The baseline: every row rendered, state in useState, a Set of selected IDs. */
export function NaiveList(props: { conversations: Conversation[]; controls: BenchControls }) {
  const list = useBaselineList(props.conversations, props.controls);
  return (
    <div style={{ height: '100%', overflow: 'auto' }}>
      <BaselineToolbar {...list} />
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.conversations.map((conversation) => (
          <li
            key={conversation.conversationID}
            data-bench-row={conversation.conversationID}
            data-selected={list.selected.has(conversation.conversationID) || undefined}
            style={{ display: 'flex', gap: 8, height: 72, alignItems: 'center' }}
          >
            <input
              type="checkbox"
              data-bench="row-checkbox"
              aria-label={`Select ${conversation.displayName}`}
              checked={list.selected.has(conversation.conversationID)}
              onChange={() => list.toggle(conversation.conversationID)}
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
