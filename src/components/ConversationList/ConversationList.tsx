import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useImperativeHandle,
  useState,
} from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import type { Conversation, DeletionOrigin } from '../../core/types';
import { useConversationEvents } from '../../hooks/useConversationEvents';
import { type ConversationGridOptions, useConversationGrid } from '../../hooks/useConversationGrid';
import { useDeletionState } from '../../hooks/useDeletionState';
import { DeleteConversationDialog } from '../DeleteConversationDialog/DeleteConversationDialog';
import { composeEventHandlers } from '../shared/composeEventHandlers';
import { kitClassName } from '../shared/kitClassName';
import { type ConversationRenderState, ConversationRow } from './ConversationRow';
import { type ConversationListStatusProps, DeletionStatus } from './DeletionStatus';
import { type ConversationListToolbarProps, SelectionToolbar } from './SelectionToolbar';

/** What a ref to `ConversationList` holds. */
export interface ConversationListHandle {
  /** Moves focus to the row that holds the list's tab stop (scrolling to it), or to the empty list. */
  focus(): void;
  /** Scrolls until the conversation's row is in view and rendered. Focus stays where it is. */
  scrollToConversation(conversationID: string): void;
}

/** What `renderError` gets when the list could not be loaded. */
export interface ConversationListErrorProps {
  error: Error;
  /** Loads the list again. */
  retry(): void;
}

/**
 * The root element's own props (`id`, `aria-*`, `data-*`, DOM event handlers…). Those the list
 * sets itself are left out: the grid's role and name live on the grid inside.
 */
type RootProps = Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'className' | 'style'>;

export interface ConversationListProps extends ConversationGridOptions, RootProps {
  /** Called once per deletion, made here or on another device. */
  onConversationsDeleted?: (conversationIDs: string[], info: { origin: DeletionOrigin }) => void;
  /**
   * Render the confirmation dialog inside the list; `false` when the host renders
   * `<DeleteConversationDialog />` itself elsewhere in the provider (e.g. outside a pane that can
   * be hidden on narrow screens). Requests still wait for that dialog.
   * @default true
   */
  renderDialog?: boolean;
  /** The conversation the host shows now: its row is marked (`aria-current`, `data-active`). */
  activeConversationID?: string | null;
  /** Draws a row's content instead of the default avatar, name, preview, time and badges. */
  renderConversation?: (conversation: Conversation, state: ConversationRenderState) => ReactNode;
  /** Drawn while the list loads for the first time. Default: "Loading conversations…". */
  renderLoading?: () => ReactNode;
  /**
   * Drawn when the list could not be loaded. Default: "Conversations could not be loaded." in an
   * `alert`, with a "Try again" button that calls `retry`.
   */
  renderError?: (props: ConversationListErrorProps) => ReactNode;
  /** Drawn when there are no conversations. Default: "No conversations yet". */
  renderEmpty?: () => ReactNode;
  /**
   * Whether the toolbar shows above the grid (it shows only when `selectable` too); `false` for
   * hosts that put Select, Done and Delete elsewhere (`useConversationSelection`).
   * @default true
   */
  toolbar?: boolean;
  /**
   * Draws the toolbar. Default: Select outside selection mode; Select all, "3 selected",
   * Delete and Done inside it.
   */
  renderToolbar?: (props: ConversationListToolbarProps) => ReactNode;
  /**
   * Draws the announcements (outcomes, refusals, deletions on other devices, a deletion in its
   * undo window) and the progress of a deletion of many batches. Default: a `status` live region
   * with Undo and the seconds left, Retry and a dismiss button, above a progress bar with Stop.
   */
  renderStatus?: (props: ConversationListStatusProps) => ReactNode;
  /**
   * The time, in ms since the epoch, that the first render computes relative times ("5 min ago")
   * from. Default: when the list's data was fetched (the query's `dataUpdatedAt`), which a list
   * prefetched on the server carries into the browser, so the server HTML and the browser's first
   * render say the same; the current time when there is no data yet. After mount the list moves
   * to the real clock. See docs/server-rendering.md.
   */
  referenceTime?: number;
  /** Added to the root element's `ck-root ck-list` classes. */
  className?: string;
  style?: CSSProperties;
}

/**
 * The conversation list: a virtualized, accessible grid with swipe-to-delete, selection mode,
 * keyboard navigation, and the confirmation dialog. Must be inside `ConversationKitProvider`.
 *
 * It is the view of `useConversationGrid` and `useConversationRow`. Other props go to the root
 * element; a DOM event handler there runs before the list's own (which hears only keys the grid
 * left alone), and `event.preventDefault()` in it skips the list's.
 */
export const ConversationList = forwardRef<ConversationListHandle, ConversationListProps>(
  function ConversationList(props, ref) {
    // The grid's options are the list's props: it reads its own and ignores the rest. Named here,
    // they stay off the root element.
    const {
      onConversationOpen,
      swipeToDelete,
      fullSwipeToDelete,
      selectable = true,
      defaultClearHistory,
      confirm = true,
      rowHeight,
      selectedIDs,
      defaultSelectedIDs,
      onSelectionChange,
      selectionMode,
      defaultSelectionMode,
      onSelectionModeChange,
      onConversationsDeleted,
      renderDialog = true,
      renderConversation,
      activeConversationID,
      renderLoading,
      renderError,
      renderEmpty,
      toolbar = true,
      renderToolbar,
      renderStatus,
      referenceTime,
      className,
      style,
      onKeyDown,
      ...rootProps
    } = props;
    const runtime = useConversationKit('ConversationList');
    const { t } = useTranslator();
    const grid = useConversationGrid(props);
    const { query, conversations } = grid;
    // While rows are on their way out, an empty list is not yet "no conversations".
    const deleting = useDeletionState((state) => state.inFlightIDs.size > 0);
    const idPrefix = useId();
    // The same on the server and in the browser's first render: the time the data was fetched
    // (dehydrated with it), not two different clocks.
    const [now, setNow] = useState(() => referenceTime ?? (query.dataUpdatedAt || Date.now()));

    // The grid's handle functions keep their identity: the handle is made once.
    const { focus, scrollToConversation } = grid;
    useImperativeHandle(ref, () => ({ focus, scrollToConversation }), [
      focus,
      scrollToConversation,
    ]);

    useEffect(() => {
      // After mount the real clock: at once when the first render's time is off by more than a
      // second (a page rendered on the server a while ago); a smaller gap is not worth rendering
      // every row again. Then relative times ("5 min ago") move on by themselves.
      setNow((first) => (Math.abs(Date.now() - first) > 1000 ? Date.now() : first));
      const timer = setInterval(() => setNow(Date.now()), 60_000);
      return () => clearInterval(timer);
    }, []);

    // useConversationEvents always calls the handler of the latest render: no ref needed here.
    useConversationEvents((event) => {
      if (event.type === 'conversationsDeleted') {
        onConversationsDeleted?.(event.conversationIDs, { origin: event.origin });
      }
    });

    const rows = grid.rows.map((row) => (
      <ConversationRow
        key={row.conversation.conversationID}
        conversation={row.conversation}
        index={row.index}
        start={row.start}
        active={row.conversation.conversationID === activeConversationID}
        now={now}
        idPrefix={idPrefix}
        renderConversation={renderConversation}
      />
    ));

    const retryLoading = () => {
      query.refetch();
    };
    const { containerProps } = grid;

    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: it only hears keys pressed on the controls inside it (toolbar, grid); it takes no focus itself
      <div
        {...rootProps}
        className={kitClassName('ck-root ck-list', className)}
        style={style}
        data-selection-mode={containerProps['data-selection-mode']}
        data-state={query.isPending ? 'loading' : query.isError ? 'error' : 'ready'}
        onKeyDown={composeEventHandlers<KeyboardEvent<HTMLDivElement>>(
          onKeyDown,
          containerProps.onKeyDown,
        )}
      >
        {toolbar && (
          <SelectionToolbar
            selectable={selectable}
            total={conversations.length}
            onDeleteSelected={() => grid.requestDeletion([...runtime.store.getState().selectedIDs])}
            render={renderToolbar}
          />
        )}
        <div className="ck-grid" {...grid.gridProps}>
          <div className="ck-rows" {...grid.rowGroupProps}>
            {rows}
          </div>
        </div>
        {query.isPending &&
          (renderLoading ? renderLoading() : <p className="ck-placeholder">{t('loading')}</p>)}
        {query.isError &&
          (renderError ? (
            renderError({ error: query.error, retry: retryLoading })
          ) : (
            <div className="ck-placeholder" role="alert">
              <p>{t('loadFailed')}</p>
              <button type="button" className="ck-button" onClick={retryLoading}>
                {t('retryLoading')}
              </button>
            </div>
          ))}
        {query.isSuccess &&
          conversations.length === 0 &&
          !deleting &&
          (renderEmpty ? renderEmpty() : <p className="ck-placeholder">{t('empty')}</p>)}
        <DeletionStatus
          conversations={conversations}
          render={renderStatus}
          // Undo pressed on its button takes the button away with its window: focus goes back to
          // the list rather than to the page.
          onUndone={grid.restoreFocus}
        />
        {confirm && renderDialog && (
          <DeleteConversationDialog onFallbackFocus={grid.restoreFocus} />
        )}
      </div>
    );
  },
);
