import { type ReactNode, useEffect, useRef } from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import { useConversationStore } from '../../hooks/useConversationStore';

/** What `renderToolbar` gets to draw the list's toolbar. */
export interface ConversationListToolbarProps {
  /** Conversations in the list. */
  total: number;
  selectionMode: boolean;
  selectedCount: number;
  enterSelectionMode(): void;
  /** Leaves selection mode; the selection is cleared. */
  exitSelectionMode(): void;
  selectAll(): void;
  clearSelection(): void;
  /** Asks to delete the selected conversations, as the list's Delete key does. */
  deleteSelected(): void;
}

export interface SelectionToolbarProps {
  selectable: boolean;
  total: number;
  onDeleteSelected(): void;
  /** Draws the toolbar instead of the kit's. */
  render?: (props: ConversationListToolbarProps) => ReactNode;
}

/** "Select" outside selection mode; select all, the count, Delete and Done inside it. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { selectable, total, onDeleteSelected, render } = props;
  const { t } = useTranslator();
  const selectionMode = useConversationStore((state) => state.selectionMode);
  const selectedCount = useConversationStore((state) => state.selectedIDs.size);
  // The store's actions never change: read once, not subscribed to. (Only ever rendered by the
  // list, which has already checked for the provider.)
  const { enterSelectionMode, exitSelectionMode, selectAll, clearSelection } =
    useConversationKit().store.getState();
  const selectAllRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLButtonElement>(null);
  // The button pressed disappears with the mode it toggled: its counterpart, in the same place,
  // takes the focus so that keyboard users are not dropped to the top of the page.
  const toggledHere = useRef(false);
  const allSelected = total > 0 && selectedCount === total;
  const someSelected = selectedCount > 0 && !allSelected;

  useEffect(() => {
    // `indeterminate` exists only as a DOM property; it makes the checkbox read as "mixed".
    if (selectAllRef.current) selectAllRef.current.indeterminate = someSelected;
  });

  useEffect(() => {
    if (toggledHere.current) (selectionMode ? doneRef : selectRef).current?.focus();
    toggledHere.current = false;
  }, [selectionMode]);

  if (!selectable) return null;
  if (render) {
    return render({
      total,
      selectionMode,
      selectedCount,
      enterSelectionMode,
      exitSelectionMode,
      selectAll,
      clearSelection,
      deleteSelected: onDeleteSelected,
    });
  }
  if (!selectionMode) {
    return (
      <div className="ck-toolbar">
        <button
          ref={selectRef}
          type="button"
          className="ck-button ck-toolbar-select"
          onClick={() => {
            toggledHere.current = true;
            enterSelectionMode();
          }}
          disabled={total === 0}
        >
          {t('select')}
        </button>
      </div>
    );
  }
  return (
    <div className="ck-toolbar" data-selection-mode="">
      <label className="ck-select-all">
        <input
          ref={selectAllRef}
          type="checkbox"
          className="ck-checkbox"
          checked={allSelected}
          onChange={() => (allSelected ? clearSelection() : selectAll())}
        />
        <span>{t('selectAll')}</span>
      </label>
      <span className="ck-selected-count" aria-live="polite" aria-atomic="true">
        {t('selectedCount', { count: selectedCount })}
      </span>
      <button
        type="button"
        className="ck-button ck-toolbar-delete"
        data-variant="danger"
        disabled={selectedCount === 0}
        onClick={onDeleteSelected}
      >
        {t('delete')}
      </button>
      <button
        ref={doneRef}
        type="button"
        className="ck-button ck-toolbar-done"
        onClick={() => {
          toggledHere.current = true;
          exitSelectionMode();
        }}
      >
        {t('done')}
      </button>
    </div>
  );
}
