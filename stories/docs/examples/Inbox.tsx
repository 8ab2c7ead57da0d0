import {
  ConversationKitProvider,
  ConversationList,
  createMemoryChatServer,
} from 'conversation-kit';
import 'conversation-kit/styles.css';

// An in-memory chat server with 50 generated conversations; `connect()` is one device of it.
// In your app, this is where the adapter of your real backend goes.
const adapter = createMemoryChatServer({ conversations: 50, latencyMs: 200 }).connect();

export function Inbox() {
  return (
    // The list fills its container: give the container a height.
    <div style={{ height: 480, maxWidth: 420 }}>
      <ConversationKitProvider adapter={adapter} undoWindowMs={5000}>
        <ConversationList
          onConversationOpen={(conversation) => console.log('open', conversation.displayName)}
          onConversationsDeleted={(ids, { origin }) => console.log('deleted', origin, ids)}
        />
      </ConversationKitProvider>
    </div>
  );
}
