// The headless behaviour hooks (issue 16, item 2): `useConversationGrid` and `useConversationRow`
// return the props `ConversationList` itself spreads, so a host's own markup gets the kit's roles,
// keys, roving focus, swipe and selection. Their return types are held here, and a host list
// built from them (as the README and docs/hooks.md show it) compiles.
import type { UseQueryResult } from '@tanstack/react-query';
import {
  type Conversation,
  type ConversationGridAria,
  type ConversationGridOptions,
  type ConversationGridRow,
  type ConversationListHandle,
  type ConversationRenderState,
  type ConversationRowAria,
  type ConversationRowOptions,
  DeleteConversationDialog,
  useConversationGrid,
  useConversationRow,
} from 'conversation-kit';
import type {
  ButtonHTMLAttributes,
  HTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  RefCallback,
} from 'react';
import { describe, expectTypeOf, test } from 'vitest';

declare const conversation: Conversation;

describe('useConversationGrid(options?)', () => {
  test('takes optional ConversationGridOptions and returns ConversationGridAria', () => {
    expectTypeOf(useConversationGrid).parameters.toEqualTypeOf<
      [options?: ConversationGridOptions]
    >();
    expectTypeOf(useConversationGrid).toBeCallableWith();
    expectTypeOf(useConversationGrid).returns.toEqualTypeOf<ConversationGridAria>();
  });

  test('its options: the list behaviour props (selection ones in components.test-d.tsx)', () => {
    type Spec = {
      onConversationOpen?: (conversation: Conversation) => void;
      swipeToDelete?: boolean;
      fullSwipeToDelete?: boolean;
      selectable?: boolean;
      defaultClearHistory?: boolean;
      confirm?: boolean;
      rowHeight?: number;
    };
    expectTypeOf<Pick<ConversationGridOptions, keyof Spec>>().toEqualTypeOf<Spec>();
    // @ts-expect-error rowHeight is a number of px, not a CSS length
    expectTypeOf(useConversationGrid).toBeCallableWith({ rowHeight: '72px' });
  });

  test('the props to spread: gridProps (with its ref callback), rowGroupProps, containerProps', () => {
    type Grid = ReturnType<typeof useConversationGrid>;
    expectTypeOf<Grid['gridProps']>().toExtend<HTMLAttributes<HTMLElement>>();
    expectTypeOf<Grid['gridProps']['ref']>().toEqualTypeOf<RefCallback<HTMLElement>>();
    expectTypeOf<Grid['rowGroupProps']>().toEqualTypeOf<HTMLAttributes<HTMLElement>>();
    expectTypeOf<Grid['containerProps']>().toExtend<HTMLAttributes<HTMLElement>>();
    expectTypeOf<Grid['containerProps']['data-selection-mode']>().toEqualTypeOf<
      string | boolean | undefined
    >();
  });

  test('the rows to render, the list, its query, and the handle', () => {
    type Grid = ReturnType<typeof useConversationGrid>;
    expectTypeOf<Grid['rows']>().toEqualTypeOf<ConversationGridRow[]>();
    expectTypeOf<ConversationGridRow>().toEqualTypeOf<{
      conversation: Conversation;
      index: number;
      start: number;
    }>();
    expectTypeOf<Grid['conversations']>().toEqualTypeOf<Conversation[]>();
    expectTypeOf<Grid['query']>().toEqualTypeOf<UseQueryResult<Conversation[]>>();
    expectTypeOf<Grid['selectionMode']>().toEqualTypeOf<boolean>();
    expectTypeOf<Grid['focus']>().toEqualTypeOf<() => void>();
    expectTypeOf<Grid['scrollToConversation']>().toEqualTypeOf<(conversationID: string) => void>();
    expectTypeOf<Grid['requestDeletion']>().toEqualTypeOf<
      (conversationIDs: readonly string[]) => void
    >();
    expectTypeOf<Grid['restoreFocus']>().toEqualTypeOf<() => void>();
    // The list's ref handle is the grid's own.
    expectTypeOf<Grid>().toExtend<ConversationListHandle>();
  });
});

describe('useConversationRow(options)', () => {
  test('takes { conversation, index, start?, active?, aria-labelledby? }: a grid row fits as it is', () => {
    expectTypeOf(useConversationRow).parameters.toEqualTypeOf<[options: ConversationRowOptions]>();
    expectTypeOf<ConversationRowOptions>().toEqualTypeOf<{
      conversation: Conversation;
      index: number;
      start?: number;
      active?: boolean;
      'aria-labelledby'?: string;
    }>();
    expectTypeOf<ConversationGridRow>().toExtend<ConversationRowOptions>();
    expectTypeOf(useConversationRow).toBeCallableWith({ conversation, index: 0 });
    // @ts-expect-error an options object, not the conversation itself
    expectTypeOf(useConversationRow).toBeCallableWith(conversation);
    // @ts-expect-error the row's index is required (it is the row's aria-rowindex)
    expectTypeOf(useConversationRow).toBeCallableWith({ conversation });
  });

  test('returns the row, cell, actions cell, checkbox and Delete button props, and the state', () => {
    expectTypeOf(useConversationRow).returns.toEqualTypeOf<ConversationRowAria>();
    expectTypeOf<ConversationRowAria['rowProps']>().toExtend<HTMLAttributes<HTMLElement>>();
    expectTypeOf<ConversationRowAria['rowProps']['data-id']>().toEqualTypeOf<
      string | boolean | undefined
    >();
    expectTypeOf<ConversationRowAria['cellProps']>().toEqualTypeOf<HTMLAttributes<HTMLElement>>();
    expectTypeOf<ConversationRowAria['actionsCellProps']>().toExtend<HTMLAttributes<HTMLElement>>();
    expectTypeOf<ConversationRowAria['checkboxProps']>().toEqualTypeOf<
      InputHTMLAttributes<HTMLInputElement>
    >();
    expectTypeOf<ConversationRowAria['deleteButtonProps']>().toExtend<
      ButtonHTMLAttributes<HTMLButtonElement>
    >();
    expectTypeOf<ConversationRowAria['state']>().toEqualTypeOf<ConversationRenderState>();
    expectTypeOf<ConversationRenderState>().toEqualTypeOf<{
      selected: boolean;
      pending: boolean;
      focused: boolean;
      active: boolean;
      selectionMode: boolean;
    }>();
  });
});

// A host's own list: its elements, the kit's props spread on them, and the kit's dialog.
function HostRow(props: { row: ConversationGridRow }) {
  const { rowProps, cellProps, actionsCellProps, checkboxProps, deleteButtonProps, state } =
    useConversationRow(props.row);
  return (
    <li {...rowProps}>
      <span {...cellProps}>
        {state.selectionMode && <input {...checkboxProps} />}
        {props.row.conversation.displayName}
      </span>
      {!state.selectionMode && (
        <span {...actionsCellProps}>
          <button {...deleteButtonProps}>Delete</button>
        </span>
      )}
    </li>
  );
}

function HostList() {
  const grid = useConversationGrid({ rowHeight: 64, onConversationOpen: () => {} });
  return (
    <section {...grid.containerProps}>
      <button type="button" onClick={() => grid.requestDeletion(['C2Calice'])}>
        Delete Alice
      </button>
      <div {...grid.gridProps} style={{ height: 480, overflow: 'auto' }}>
        <ul {...grid.rowGroupProps}>
          {grid.rows.map((row) => (
            <HostRow key={row.conversation.conversationID} row={row} />
          ))}
        </ul>
      </div>
      <DeleteConversationDialog onFallbackFocus={grid.restoreFocus} />
    </section>
  );
}

describe('a host list on the behaviour hooks', () => {
  test('spreads the props on its own elements and renders the kit’s dialog', () => {
    expectTypeOf(<HostList />).toExtend<ReactNode>();
  });
});
