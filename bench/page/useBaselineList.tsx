import { useState } from 'react';
import type { Conversation } from '../../src';
import type { BenchControls } from './benchControls';

/**
 * The state a plain React list keeps for the baselines: every conversation and a `Set` of the
 * selected ones in `useState`, as an app without the kit would write it.
 */
export function useBaselineList(initial: Conversation[], controls: BenchControls) {
  const [conversations, setConversations] = useState(initial);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  controls.removeIDs = (ids) => {
    const gone = new Set(ids);
    setConversations((list) => list.filter((item) => !gone.has(item.conversationID)));
  };
  controls.selectFirst = (count) =>
    setSelected(new Set(conversations.slice(0, count).map((item) => item.conversationID)));
  controls.ids = () => conversations.map((item) => item.conversationID);
  const toggle = (conversationID: string) => {
    const next = new Set(selected);
    if (next.has(conversationID)) next.delete(conversationID);
    else next.add(conversationID);
    setSelected(next);
  };
  return { conversations, selected, toggle, setSelected, setConversations };
}

/** Select all and Delete, the same for both baselines. */
export function BaselineToolbar(props: ReturnType<typeof useBaselineList>) {
  const { conversations, selected, setSelected, setConversations } = props;
  const allSelected = selected.size === conversations.length;
  return (
    <div>
      <label>
        <input
          type="checkbox"
          data-bench="select-all"
          checked={allSelected}
          onChange={() =>
            setSelected(
              allSelected ? new Set() : new Set(conversations.map((item) => item.conversationID)),
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
  );
}
