import type { Meta, StoryObj } from '@storybook/react-vite';
import { memo, useState } from 'react';
import { within } from 'storybook/test';
import {
  type Conversation,
  ConversationKitProvider,
  createMemoryChatServer,
  DeleteConversationDialog,
  type Locale,
  useConversationGrid,
  useConversationRow,
  useConversationSelection,
  useDeleteConversations,
} from '../src';

const ROW_HEIGHT = 64;

/**
 * The host's own styles: its class names, its colours. The kit's behaviour shows through the
 * attributes the hooks put on the elements (`data-swipe`, `data-selected`, `data-pending`) and the
 * `--ck-swipe-offset` a swipe writes on the row while a finger moves it.
 */
const inboxStyles = `
.inbox { max-width: 420px; font: 14px/1.4 system-ui, sans-serif; color: #1b1d22; background: #fff;
  border: 1px solid #d0d4dc; border-radius: 16px; overflow: hidden; }
.inbox-toolbar { display: flex; gap: 8px; align-items: center; min-height: 48px; padding: 0 12px;
  border-block-end: 1px solid #e4e7ec; }
.inbox-toolbar output { margin-inline-end: auto; }
.inbox-grid { position: relative; height: 448px; overflow: auto; outline: none; }
.inbox-rows { position: relative; }
.inbox-row { --action: 96px; position: absolute; inset-inline: 0; top: 0; height: ${ROW_HEIGHT}px;
  overflow: hidden; outline: none; touch-action: pan-y; }
.inbox-row-content { position: relative; z-index: 1; inset-inline-start: 0; display: flex; gap: 12px;
  align-items: center; height: 100%; padding-inline: 12px; background: #fff;
  transform: translateX(var(--ck-swipe-offset, 0px));
  transition: inset-inline-start 160ms ease-out, transform 160ms ease-out; }
.inbox-row[data-swipe="dragging"] .inbox-row-content { transition: none; }
.inbox-row[data-swipe="open"] .inbox-row-content { inset-inline-start: calc(var(--action) * -1); }
.inbox-row[data-selected] .inbox-row-content { background: #e8f0fe; }
.inbox-row[data-pending] .inbox-row-content { opacity: 0.5; }
.inbox-row:focus-visible .inbox-row-content { box-shadow: inset 0 0 0 2px #2563eb; }
.inbox-initial { display: grid; place-items: center; flex: none; width: 40px; height: 40px;
  border-radius: 12px; background: #fde68a; font-weight: 600; }
.inbox-text { display: grid; min-width: 0; }
.inbox-text > * { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.inbox-text > span { color: #5b6170; }
.inbox-unread { margin-inline-start: auto; padding: 0 8px; border-radius: 999px; background: #2563eb;
  color: #fff; font-size: 12px; }
.inbox-row-actions { position: absolute; inset-block: 0; inset-inline-end: 0; display: flex;
  width: var(--action); }
.inbox-row:is(:focus-visible, :has(:focus-visible)) .inbox-row-actions { z-index: 2; }
@media (hover: hover) { .inbox-row:hover:not([data-swipe="dragging"]) .inbox-row-actions { z-index: 2; } }
.inbox-delete { flex: 1; border: 0; background: #c2410c; color: #fff; font: inherit; font-weight: 600; }
.inbox-delete:focus-visible { outline: 2px solid #fff; outline-offset: -4px; }
.inbox-footer { margin: 0; min-height: 20px; padding: 8px 12px; border-block-start: 1px solid #e4e7ec;
  color: #5b6170; }
`;

/**
 * One row in the host's markup. Memoized on plain values: selecting, focusing or swiping another
 * row does not render it, and its own hook re-renders it when its state changes.
 */
const InboxRow = memo(function InboxRow(props: {
  conversation: Conversation;
  index: number;
  start: number;
}) {
  const { conversation } = props;
  const { rowProps, cellProps, actionsCellProps, checkboxProps, deleteButtonProps, state } =
    useConversationRow(props);
  return (
    <div className="inbox-row" {...rowProps}>
      <div className="inbox-row-content" {...cellProps}>
        {state.selectionMode && <input {...checkboxProps} />}
        <span className="inbox-initial" aria-hidden="true">
          {conversation.displayName.slice(0, 1)}
        </span>
        <span className="inbox-text">
          <strong dir="auto">{conversation.displayName}</strong>
          <span dir="auto">{conversation.lastMessage?.text}</span>
        </span>
        {conversation.unreadCount > 0 && (
          <span className="inbox-unread">{conversation.unreadCount}</span>
        )}
      </div>
      {!state.selectionMode && (
        <div className="inbox-row-actions" {...actionsCellProps}>
          <button className="inbox-delete" {...deleteButtonProps}>
            Remove
          </button>
        </div>
      )}
    </div>
  );
});

function InboxToolbar(props: { requestDeletion(conversationIDs: string[]): void }) {
  const { selectionMode, selectedIDs, enterSelectionMode, exitSelectionMode, selectAll } =
    useConversationSelection();
  const selectedCount = selectedIDs.size;
  if (!selectionMode) {
    return (
      <div className="inbox-toolbar">
        <strong style={{ marginInlineEnd: 'auto' }}>Inbox</strong>
        <button type="button" onClick={enterSelectionMode}>
          Choose
        </button>
      </div>
    );
  }
  return (
    <div className="inbox-toolbar">
      <output>{selectedCount} chosen</output>
      <button type="button" onClick={selectAll}>
        All
      </button>
      <button
        type="button"
        disabled={selectedCount === 0}
        onClick={() => props.requestDeletion([...selectedIDs])}
      >
        Remove
      </button>
      <button type="button" onClick={exitSelectionMode}>
        Finish
      </button>
    </div>
  );
}

/** The last deletion's result, in the host's words. */
function InboxFooter(props: { opened: string | null }) {
  const { lastOutcome } = useDeleteConversations();
  const removed = lastOutcome?.deleted.length ?? 0;
  const failed = lastOutcome?.failed.length ?? 0;
  return (
    <p className="inbox-footer" role="status">
      {lastOutcome
        ? `${removed} removed${failed > 0 ? `, ${failed} could not be removed` : ''}`
        : props.opened && `Opened ${props.opened}`}
    </p>
  );
}

function Inbox() {
  const [opened, setOpened] = useState<string | null>(null);
  const grid = useConversationGrid({
    rowHeight: ROW_HEIGHT,
    onConversationOpen: (conversation) => setOpened(conversation.displayName),
  });
  return (
    <section className="inbox" {...grid.containerProps}>
      <InboxToolbar requestDeletion={grid.requestDeletion} />
      <div className="inbox-grid" {...grid.gridProps}>
        <div className="inbox-rows" {...grid.rowGroupProps}>
          {grid.rows.map((row) => (
            <InboxRow
              key={row.conversation.conversationID}
              conversation={row.conversation}
              index={row.index}
              start={row.start}
            />
          ))}
        </div>
      </div>
      <InboxFooter opened={opened} />
      <DeleteConversationDialog onFallbackFocus={grid.restoreFocus} />
    </section>
  );
}

/**
 * The host's words for what the hooks name: a button that shows "Remove" must also be called
 * that by a screen reader and by voice control (WCAG 2.5.3, label in name).
 */
const inboxMessages = { deleteConversation: 'Remove {name}' };

function CustomMarkup(props: { locale: Locale }) {
  const [adapter] = useState(() =>
    createMemoryChatServer({
      conversations: 40,
      seed: 4,
      latencyMs: 200,
      referenceTime: Date.now(),
    }).connect('phone'),
  );
  return (
    <ConversationKitProvider adapter={adapter} locale={props.locale} messages={inboxMessages}>
      <style>{inboxStyles}</style>
      <Inbox />
    </ConversationKitProvider>
  );
}

const meta = { title: 'Hooks/Behaviour hooks' } satisfies Meta;

export default meta;

/**
 * A host's own list markup and styles with the kit's behaviour, from `useConversationGrid` and
 * `useConversationRow`: swipe a row (or hover it, or Tab to it) for Remove; arrows, Home and End
 * move through the rows; Choose, then click or Space to select; Delete asks to confirm. The kit
 * draws only the confirmation.
 */
export const CustomMarkupWithTheBehaviourHooks: StoryObj = {
  name: 'Custom markup with the behaviour hooks',
  render: (_args, { globals }) => <CustomMarkup locale={globals.locale as Locale} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('row', {}, { timeout: 5000 });
  },
};
