import { useEffect, useState } from 'react';
import type { Conversation, MemoryChatServer } from '../src';

export interface ServerPanelProps {
  server: MemoryChatServer;
}

/**
 * The in-memory server seen from outside the app: which conversations were deleted, how many
 * messages it still keeps for each, and a button to make a new message arrive.
 */
export function ServerPanel({ server }: ServerPanelProps) {
  const [, setTick] = useState(0);
  const [known] = useState(() => new Map<string, Conversation>());
  for (const conversation of server.listConversations())
    known.set(conversation.conversationID, conversation);

  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 500);
    return () => clearInterval(timer);
  }, []);

  const live = new Set(server.listConversations().map((item) => item.conversationID));
  const deleted = [...known.values()].filter((item) => !live.has(item.conversationID));
  return (
    <section
      aria-label="Server"
      style={{
        font: '14px system-ui',
        color: 'var(--ck-foreground)',
        border: '1px dashed var(--ck-border)',
        borderRadius: 12,
        padding: 12,
        maxWidth: 360,
      }}
    >
      <h2 style={{ fontSize: 15, margin: '0 0 8px' }}>Server</h2>
      <p style={{ margin: '0 0 8px' }}>
        {live.size} conversations · {server.calls.length}{' '}
        {server.calls.length === 1 ? 'delete call' : 'delete calls'} received
      </p>
      {deleted.length === 0 ? (
        <p style={{ margin: 0, color: 'var(--ck-muted-foreground)' }}>Nothing deleted yet.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
          {deleted.slice(0, 8).map((item) => (
            <li key={item.conversationID} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span style={{ flex: 1 }}>
                <bdi>{item.displayName}</bdi> — {server.historyLength(item.conversationID)} messages
                kept
              </span>
              <button
                type="button"
                className="ck-button"
                onClick={() => server.receiveMessage(item.conversationID, 'Hello again!')}
              >
                New message
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
