import { type ComponentRef, type CSSProperties, useEffect, useRef, useState } from 'react';
import {
  type ChatAdapter,
  ConversationKitProvider,
  ConversationList,
  type ConversationStore,
  createConversationStore,
  createMemoryChatServer,
  DeleteConversationDialog,
  type MemoryChatServer,
  useDeletionRequest,
} from '../src';
import '../src/styles/styles.css';

export interface ComposedDeleteDialogProps {
  /** How many conversations to generate. */
  conversations?: number;
  seed?: number;
  latencyMs?: number;
  /** Called once the demo's server, adapter and store exist (tests reach in here). */
  onReady?: (parts: {
    server: MemoryChatServer;
    adapter: ChatAdapter;
    store: ConversationStore;
  }) => void;
}

const listFrame: CSSProperties = {
  height: 520,
  maxWidth: 420,
  border: '1px solid var(--ck-border)',
  borderRadius: 12,
  overflow: 'hidden',
};
const actions: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 8 };

/**
 * The host's own confirmation, composed from the kit's parts: its own wording, Delete above
 * Cancel at full width (as on a phone), the history choice first. It stays a modal alert dialog
 * with Cancel focused, whatever the order.
 */
function HostConfirmation(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onFallbackFocus: () => void;
}) {
  const { pendingDeletion } = useDeletionRequest();
  const count = pendingDeletion?.conversationIDs.length ?? 0;
  return (
    <DeleteConversationDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DeleteConversationDialog.Content
        onFallbackFocus={props.onFallbackFocus}
        style={{ '--ck-dialog-width': '22rem' } as CSSProperties}
      >
        <DeleteConversationDialog.Title>
          {count > 1 ? `Remove ${count} chats?` : 'Remove this chat?'}
        </DeleteConversationDialog.Title>
        <DeleteConversationDialog.ClearHistory />
        <DeleteConversationDialog.Description />
        <div style={actions}>
          <DeleteConversationDialog.Action>Remove</DeleteConversationDialog.Action>
          <DeleteConversationDialog.Cancel>Keep</DeleteConversationDialog.Cancel>
        </div>
      </DeleteConversationDialog.Content>
    </DeleteConversationDialog.Root>
  );
}

/**
 * The list with the host's own confirmation in place of the kit's, which the host controls: its
 * `open` state is shown below the list.
 */
export function ComposedDeleteDialog(props: ComposedDeleteDialogProps) {
  const { conversations = 30, seed = 1, latencyMs = 0, onReady } = props;
  const [server] = useState(() =>
    createMemoryChatServer({ conversations, seed, latencyMs, referenceTime: Date.now() }),
  );
  const [adapter] = useState(() => server.connect('phone'));
  const [store] = useState(() => createConversationStore());
  const [open, setOpen] = useState(false);
  const listRef = useRef<ComponentRef<typeof ConversationList>>(null);

  useEffect(() => {
    onReady?.({ server, adapter, store });
  }, [server, adapter, store, onReady]);

  return (
    <ConversationKitProvider adapter={adapter} store={store}>
      <div style={listFrame}>
        <ConversationList ref={listRef} renderDialog={false} />
      </div>
      <p style={{ font: '14px system-ui, sans-serif', color: 'var(--ck-foreground)' }}>
        Host’s <code>open</code>: <output>{String(open)}</output>
      </p>
      <HostConfirmation
        open={open}
        onOpenChange={setOpen}
        // The row that asked is gone once deleted: the list takes focus back.
        onFallbackFocus={() => listRef.current?.focus()}
      />
    </ConversationKitProvider>
  );
}
