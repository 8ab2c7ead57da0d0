import type { Meta, StoryObj } from '@storybook/react-vite';
import type React from 'react';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  type Conversation,
  ConversationList,
  createMemoryChatServer,
  type Locale,
  type MemoryChatServer,
} from '../src';
// The story picks rows in the order the list shows them; the kit's own ordering is internal.
import { compareConversations } from '../src/runtime/conversationListCache';
import { ConversationListDemo } from './ConversationListDemo';
import {
  announcement,
  confirmDeletion,
  conversationGrid,
  displayNameOf,
  expectAnnouncement,
  findConfirmation,
  findRows,
  listsLoaded,
  queryRowNamed,
  rowNamed,
  swipe,
} from './interactions';
import { ServerPanel } from './ServerPanel';
import { TwoDevices } from './TwoDevices';

/** A control of the story's stage (the in-memory server and the frame), not of the list. */
function stage(description: string, defaultValue: string, control?: 'boolean' | 'number') {
  return {
    description,
    table: {
      category: 'Story: in-memory server and frame',
      defaultValue: { summary: defaultValue },
    },
    ...(control && { control }),
  };
}

const meta = {
  title: 'Components/ConversationList',
  // The prop table documents the kit's component; the stories render it inside a provider on an
  // in-memory server, which the "Story" controls set up.
  component: ConversationList,
  tags: ['autodocs'],
  args: {
    conversations: 30,
    latencyMs: 300,
    swipeToDelete: true,
    fullSwipeToDelete: true,
    selectable: true,
    defaultClearHistory: false,
    width: 420,
    // The stories of one docs page are lists of one account on one page.
    keepDeletionsIn: 'memory',
  },
  argTypes: {
    conversations: stage(
      'How many conversations the server starts with (generated from `seed`), or the conversations themselves.',
      '30',
      'number',
    ),
    latencyMs: {
      ...stage('How long the server takes to answer each call, in ms.', '0'),
      control: { type: 'range', min: 0, max: 3000, step: 50 },
    },
    undoWindowMs: {
      ...stage(
        "The provider's `undoWindowMs`: how long a confirmed deletion can be undone before it is sent; 0 is off.",
        '0',
      ),
      control: { type: 'range', min: 0, max: 15_000, step: 500 },
    },
    keepHistory: stage(
      'Whether the backend can delete a conversation and keep its history.',
      'true',
      'boolean',
    ),
    seed: stage('Seed of the generated conversations.', '1', 'number'),
    multiClientSync: stage(
      "Whether a deletion reaches the account's other devices (Tencent's console switch).",
      'true',
      'boolean',
    ),
    width: stage('Width of the frame around the list, in px.', '100%', 'number'),
    height: stage('Height of the frame around the list, in px.', '560', 'number'),
    selectedCount: stage('Start in selection mode with the first N rows selected.', '0', 'number'),
    openSwipeIndex: stage('Start with the row at this index swiped open.', 'none', 'number'),
    pendingCount: stage('Start with the confirmation open for the first N rows.', '0', 'number'),
    // Set by the stories and the toolbar, not by hand.
    locale: { table: { disable: true } },
    dir: { table: { disable: true } },
    theme: { table: { disable: true } },
    server: { table: { disable: true } },
    deviceId: { table: { disable: true } },
    title: { table: { disable: true } },
    onReady: { table: { disable: true } },
    keepDeletionsIn: { table: { disable: true } },
  },
  render: (args, { globals }) => (
    <ConversationListDemo {...args} locale={globals.locale as Locale} />
  ),
  // Stories without a play of their own are checked once the list is there.
  play: listsLoaded,
} satisfies Meta<typeof ConversationListDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * An open confirmation is a modal dialog: inline on the docs page it would cover the whole page,
 * so stories that start with one are only in the sidebar.
 */
const opensAModalDialog = ['!autodocs'];

/**
 * Swipe a row to the left (or hover it, or Tab to it) to reveal Delete. A deletion can be undone
 * for 5 seconds (Undo, or Ctrl/Cmd+Z in the list); the time stands still while the pointer or
 * focus is on the status below the list.
 */
export const AFewConversations: Story = {
  args: { undoWindowMs: 5000 },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const [, row] = await findRows(canvasElement);
    if (!row) throw new Error('the list shows fewer than two rows');
    const name = displayNameOf(row);

    await step('Swipe the second row to the left: its Delete shows', async () => {
      swipe(row, -120);
      await waitFor(() => expect(row).toHaveAttribute('data-swipe', 'open'));
    });
    await step('Delete asks first, with Cancel focused and history kept', async () => {
      await userEvent.click(within(row).getByRole('button', { name: /^Delete/ }));
      const dialog = await findConfirmation(canvasElement, 'Delete conversation?');
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      expect(
        within(dialog).getByRole('checkbox', { name: 'Also clear chat history' }),
      ).not.toBeChecked();
      await confirmDeletion(dialog);
    });
    await step('The row leaves at once, and Undo is offered for 5 seconds', async () => {
      await waitFor(() => expect(row).not.toBeInTheDocument());
      await expectAnnouncement(canvasElement, /^Deleted .+/);
      expect(announcement(canvasElement)).toContain(name);
    });
    await step('Undo puts it back before anything was sent', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
      await expectAnnouncement(canvasElement, /^Restored .+/);
      expect(rowNamed(canvasElement, name)).toBeVisible();
    });
  },
};

/** The server of the next story, for its play function to ask what reached it. */
let serverOfTheUndoWindowStory: MemoryChatServer | undefined;

/**
 * The deletion waits for its undo window (2 seconds here) before it is sent, and the window stands
 * still while the pointer or the focus is on Undo.
 */
export const SentWhenTheUndoWindowEnds: Story = {
  args: {
    undoWindowMs: 2000,
    onReady: ({ server }) => {
      serverOfTheUndoWindowStory = server;
    },
  },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const [row] = await findRows(canvasElement);
    const server = serverOfTheUndoWindowStory;
    if (!row || !server) throw new Error('the story has no rows or no server');
    const name = displayNameOf(row);

    await step('Swipe the first row and delete it', async () => {
      swipe(row, -120);
      await waitFor(() => expect(row).toHaveAttribute('data-swipe', 'open'));
      await userEvent.click(within(row).getByRole('button', { name: /^Delete/ }));
      await confirmDeletion(await findConfirmation(canvasElement, 'Delete conversation?'));
    });
    const undo = canvas.getByRole('button', { name: 'Undo' });
    await step('With the pointer on Undo the window stands still: nothing is sent', async () => {
      await userEvent.hover(undo);
      expect(server.calls).toHaveLength(0);
    });
    await step(
      'Once the pointer leaves, the window runs out and the deletion is sent',
      async () => {
        await userEvent.unhover(undo);
        await waitFor(() => expect(server.calls).toHaveLength(1), { timeout: 10_000 });
        expect(server.listConversations().map((item) => item.displayName)).not.toContain(name);
        expect(canvas.queryByRole('button', { name: 'Undo' })).toBeNull();
      },
    );
  },
};

/**
 * Select mode: tick three conversations, Delete, choose to clear their history too. The kit
 * announces the outcome once the server has answered.
 */
export const SelectAndDelete: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const grid = conversationGrid(canvasElement);
    const rows = await findRows(canvasElement);
    const total = Number(grid.getAttribute('aria-rowcount'));
    const names = rows.slice(0, 3).map(displayNameOf);

    await step('Select enters selection mode, with Delete disabled at 0', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Select' }));
      expect(canvas.getByText('0 selected')).toBeVisible();
      expect(toolbarDelete(canvasElement)).toBeDisabled();
    });
    await step('Tick three conversations', async () => {
      for (const name of names) {
        await userEvent.click(canvas.getByRole('checkbox', { name: `Select ${name}` }));
      }
      expect(canvas.getByText('3 selected')).toBeVisible();
      for (const name of names) {
        expect(rowNamed(canvasElement, name)).toHaveAttribute('aria-selected', 'true');
      }
    });
    await step('Delete, clearing their history', async () => {
      await userEvent.click(toolbarDelete(canvasElement));
      const dialog = await findConfirmation(canvasElement, 'Delete 3 conversations?');
      await userEvent.click(
        within(dialog).getByRole('checkbox', { name: 'Also clear chat history' }),
      );
      expect(within(dialog).getByText(/cannot be recovered/)).toBeVisible();
      await confirmDeletion(dialog);
    });
    await step('The rows leave, and the outcome is announced', async () => {
      await expectAnnouncement(canvasElement, 'Deleted 3 conversations');
      expect(grid).toHaveAttribute('aria-rowcount', String(total - 3));
      for (const name of names) {
        expect(queryRowNamed(canvasElement, name)).toBeNull();
      }
    });
  },
};

/**
 * Without a pointer: Tab into the list, move with the arrows, Delete on a focused row asks to
 * delete it, Cancel gives the focus back, Enter on the dialog's Delete confirms. (Escape closes
 * the native dialog only for a real key press, which the story's simulated keyboard is not: the
 * browser tests press it.)
 */
export const KeyboardOnly: Story = {
  play: async ({ canvasElement, step }) => {
    const grid = conversationGrid(canvasElement);
    await findRows(canvasElement);

    await step('Tab reaches Select, then the list (one tab stop), on its first row', async () => {
      await userEvent.tab();
      expect(within(canvasElement).getByRole('button', { name: 'Select' })).toHaveFocus();
      await userEvent.tab();
      expect(focusedRow()).toHaveAttribute('aria-rowindex', '1');
    });
    await step('ArrowDown moves to the second row', async () => {
      await userEvent.keyboard('{ArrowDown}');
      expect(focusedRow()).toHaveAttribute('aria-rowindex', '2');
    });
    const row = focusedRow();
    const name = displayNameOf(row);
    await step('The Delete key asks; Enter on Cancel gives the focus back to the row', async () => {
      await userEvent.keyboard('{Delete}');
      const dialog = await findConfirmation(canvasElement, 'Delete conversation?');
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(dialog).not.toBeVisible());
      expect(focusedRow()).toBe(row);
    });
    await step("Delete again, Tab to the dialog's Delete and press Enter", async () => {
      await userEvent.keyboard('{Delete}');
      const dialog = await findConfirmation(canvasElement, 'Delete conversation?');
      // From Cancel (focused on open) to Delete, beside it.
      await userEvent.tab();
      const confirm = within(dialog).getByRole('button', { name: 'Delete' });
      expect(confirm).toHaveFocus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(dialog).not.toBeVisible());
    });
    await step('The row is gone and the focus stays in the list', async () => {
      await expectAnnouncement(canvasElement, 'Deleted 1 conversation');
      expect(queryRowNamed(canvasElement, name)).toBeNull();
      expect(grid.contains(document.activeElement)).toBe(true);
    });
  },
};

export const EmptyList: Story = { args: { conversations: 0 } };

/** Virtualized: only the rows on screen are in the DOM. Try End, PageUp and Ctrl+A. */
export const TenThousandConversations: Story = { args: { conversations: 10_000, latencyMs: 0 } };

export const SelectionMode: Story = { args: { selectedCount: 3 } };

export const RowSwipedOpen: Story = { args: { openSwipeIndex: 1 } };

/** Rows waiting for the confirmation are marked pending. */
export const PendingRows: Story = {
  tags: opensAModalDialog,
  args: { selectedCount: 3, pendingCount: 3 },
};

const longNames: Conversation[] = [
  [
    'C2Cwolfe',
    'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.',
    'Sure, see you on Saturday at the usual place',
  ],
  [
    'C2Cjugemu',
    '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末',
    '明日の会議の資料を共有しますね。よろしくお願いします。',
  ],
  [
    'GROUPfamily',
    '我们一家人永远在一起的温馨小窝（爸爸妈妈哥哥姐姐弟弟妹妹）',
    '周末回家吃饭吗？妈妈做了你最爱吃的红烧肉',
  ],
  ['C2Cabdullah', 'عبد الرحمن بن محمد بن عبد الله آل سعود', 'السلام عليكم، هل وصلك الملف؟'],
  ['GROUPmixed', 'Design × デザイン × 设计 × تصميم', '🎉🎉🎉 Launch day!'],
  [
    'C2Cmarkup',
    '<img src=x onerror=alert(1)> is just a name',
    '<b>not bold</b> &amp; not an entity',
  ],
].map(([conversationID, displayName, text], index) => ({
  conversationID: conversationID as string,
  type: (conversationID as string).startsWith('GROUP') ? 'GROUP' : 'C2C',
  displayName: displayName as string,
  lastMessage: { text: text as string, timestamp: Date.now() - index * 47 * 60_000 },
  unreadCount: index % 2 === 0 ? index * 7 + 1 : 0,
  isPinned: index === 2,
}));

/** Long names and previews in Latin, Japanese, Chinese and Arabic script are cut, never broken. */
export const LongNamesInSeveralScripts: Story = { args: { conversations: longNames } };

/** Swipe a row, press Delete: the confirmation for one conversation. */
export const SingleConfirmation: Story = { tags: opensAModalDialog, args: { pendingCount: 1 } };

export const BatchConfirmation: Story = {
  tags: opensAModalDialog,
  args: { selectedCount: 4, pendingCount: 4 },
};

/** "Also clear chat history" starts checked: the text warns that it cannot be undone. */
export const ClearHistoryChecked: Story = {
  tags: opensAModalDialog,
  args: { selectedCount: 2, pendingCount: 2, defaultClearHistory: true },
};

/** A backend that cannot keep history: no choice is offered, and the text says so. */
export const HistoryAlwaysCleared: Story = {
  tags: opensAModalDialog,
  args: { pendingCount: 1, keepHistory: false },
};

/** Two of the four selected conversations fail: they come back, stay selected, and Retry sends them again. */
export const PartialFailure: Story = {
  args: {
    selectedCount: 4,
    onReady: ({ server }) => {
      // The first four rows as the list orders them are the ones selected.
      const [, second, , fourth] = server
        .listConversations()
        .sort(compareConversations)
        .map((item) => item.conversationID);
      server.failNext({
        conversationIDs: [second as string, fourth as string],
        code: 2999,
        message: 'SDK not ready',
      });
    },
  },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const rows = await findRows(canvasElement);
    const [, second, , fourth] = rows.map(displayNameOf);
    await step('Delete the four selected conversations', async () => {
      await waitFor(() => expect(canvas.getByText('4 selected')).toBeVisible());
      await userEvent.click(toolbarDelete(canvasElement));
      await confirmDeletion(await findConfirmation(canvasElement, 'Delete 4 conversations?'));
    });
    await step('Two fail: they come back, still selected, with the reason', async () => {
      await expectAnnouncement(
        canvasElement,
        'Deleted 2 conversations. 2 conversations could not be deleted (Chat is not ready yet)',
      );
      expect(canvas.getByText('2 selected')).toBeVisible();
      for (const name of [second, fourth]) {
        expect(rowNamed(canvasElement, name as string)).toHaveAttribute('aria-selected', 'true');
      }
    });
    await step('Retry sends exactly those two again', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
      await expectAnnouncement(canvasElement, 'Deleted 2 conversations');
      expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    });
  },
};

/** The next call is rejected as a whole: every row comes back. */
export const WholeCallFailure: Story = {
  args: {
    selectedCount: 3,
    onReady: ({ server }) => server.failNext({ call: 'reject', code: 2800 }),
  },
};

/** 1,000 conversations in 10 calls of 100 on a slow server: a progress bar and a Stop button. */
export const ThousandConversationBatch: Story = {
  args: { conversations: 2_000, latencyMs: 900, selectedCount: 1_000 },
};

/** One person, two devices, one server: a deletion on one device disappears on the other. */
export const TwoDevicesInSync: Story = {
  render: () => <TwoDevices multiClientSync />,
  play: async ({ canvasElement, step }) => {
    const { name, laptop } = await deleteFirstRowOnThePhone(canvasElement, step);
    await step('It disappears on the laptop, which says why', async () => {
      await waitFor(() => expect(queryRowNamed(laptop, name)).toBeNull(), { timeout: 5000 });
      await expectAnnouncement(laptop, 'was deleted on another device');
      expect(announcement(laptop)).toContain(name);
    });
  },
};

/** With multi-client sync off (Tencent's default), the other device keeps showing it. */
export const TwoDevicesWithoutSync: Story = {
  render: () => <TwoDevices multiClientSync={false} />,
  play: async ({ canvasElement, step }) => {
    const { name, laptop } = await deleteFirstRowOnThePhone(canvasElement, step);
    await step('The laptop still shows it', async () => {
      expect(rowNamed(laptop, name)).toBeVisible();
      expect(announcement(laptop)).toBe('');
    });
  },
};

type Step = (label: string, play: () => Promise<void>) => Promise<void> | void;

/** On the phone of the TwoDevices story: swipe the first row, confirm, wait for the server. */
async function deleteFirstRowOnThePhone(canvasElement: HTMLElement, step: Step) {
  const canvas = within(canvasElement);
  const phone = canvas.getByRole('region', { name: 'Phone' });
  const laptop = canvas.getByRole('region', { name: 'Laptop' });
  const [row] = await findRows(phone);
  await findRows(laptop);
  if (!row) throw new Error('the phone shows no rows');
  const name = displayNameOf(row);
  await step(`Delete ${name} on the phone`, async () => {
    swipe(row, -120);
    await waitFor(() => expect(row).toHaveAttribute('data-swipe', 'open'));
    await userEvent.click(within(row).getByRole('button', { name: /^Delete/ }));
    await confirmDeletion(await findConfirmation(phone, 'Delete conversation?'));
    await expectAnnouncement(phone, /^Deleted .+/);
  });
  return { name, laptop };
}

function ComesBack() {
  const [server] = useState(() =>
    createMemoryChatServer({
      conversations: 8,
      seed: 9,
      latencyMs: 150,
      referenceTime: Date.now(),
    }),
  );
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <ConversationListDemo server={server} width={380} height={520} keepDeletionsIn="memory" />
      <ServerPanel server={server} />
    </div>
  );
}

/**
 * Delete a conversation keeping its history, and another clearing it; then make a message arrive:
 * both come back, the first with its old messages (see the server's count).
 */
export const ConversationComesBack: Story = { render: () => <ComesBack /> };

/**
 * The dark set of --ck-* tokens (data-ck-theme="dark"; prefers-color-scheme does the same). The
 * story sets the toolbar's theme, so the page around the list is dark too.
 */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

const arabicNames: Conversation[] = [
  ['C2Cfatima', 'فاطمة الزهراء', 'شكرا جزيلا، وصلني الملف'],
  ['GROUPfamily-ar', 'عائلة الحسن', 'العشاء الساعة الثامنة'],
  ['C2Cahmad', 'أحمد حسن', 'سأتصل بك لاحقا'],
  ['C2Claila', 'ليلى منصور', 'هل رأيت الصور؟'],
  ['GROUPmarketing', 'فريق التسويق', 'الاجتماع غدا صباحا'],
  ['C2Cyusuf', 'يوسف عبد الله', 'تمام 👍'],
].map(([conversationID, displayName, text], index) => ({
  conversationID: conversationID as string,
  type: (conversationID as string).startsWith('GROUP') ? 'GROUP' : 'C2C',
  displayName: displayName as string,
  lastMessage: { text: text as string, timestamp: Date.now() - index * 23 * 60_000 },
  unreadCount: index === 1 ? 4 : 0,
  isPinned: index === 0,
}));

/** Right to left with Arabic names: the layout mirrors and a swipe to the right reveals Delete. */
export const RightToLeftArabicNames: Story = {
  args: { conversations: arabicNames },
  render: (args, { globals }) => (
    <ConversationListDemo {...args} dir="rtl" locale={globals.locale as Locale} />
  ),
};

export const Japanese: Story = {
  tags: opensAModalDialog,
  args: { selectedCount: 2, pendingCount: 2 },
  render: (args) => <ConversationListDemo {...args} locale="ja" />,
};

export const SimplifiedChinese: Story = {
  args: { selectedCount: 2 },
  render: (args) => <ConversationListDemo {...args} locale="zh-CN" />,
};

const brandTokens = {
  '--ck-radius': '1.25rem',
  '--ck-radius-small': '0.625rem',
  '--ck-row-height': '4.25rem',
  '--ck-font-family': 'Georgia, serif',
} as React.CSSProperties;

const brandLight = {
  ...brandTokens,
  '--ck-accent': '#6d28d9',
  '--ck-badge': '#0f766e',
  '--ck-focus-ring': '#6d28d9',
  '--ck-row-selected': '#ede9fe',
  '--ck-row-hover': '#f5f3ff',
  '--ck-danger': '#be123c',
  '--ck-danger-subtle': '#ffe4e6',
  '--ck-danger-subtle-foreground': '#9f1239',
} as React.CSSProperties;

const brandDark = {
  ...brandTokens,
  '--ck-accent': '#c4b5fd',
  '--ck-focus-ring': '#c4b5fd',
  '--ck-badge': '#5eead4',
  '--ck-badge-foreground': '#042f2e',
  '--ck-row-selected': '#2e1f57',
  '--ck-row-hover': '#1f1933',
  '--ck-danger': '#fb7185',
  '--ck-danger-subtle': '#4c0519',
  '--ck-danger-subtle-foreground': '#fecdd3',
} as React.CSSProperties;

/**
 * A host's brand, set only through --ck-* custom properties on its own wrapper, in the toolbar's
 * theme. The list gets no `theme` of its own: a data-ck-theme on an element inside the wrapper
 * declares the default tokens again, nearer to the list than the brand's, and they would win.
 */
export const CustomBrandTheme: Story = {
  render: (args, { globals }) => (
    <div style={globals.theme === 'dark' ? brandDark : brandLight}>
      <ConversationListDemo {...args} theme={undefined} locale={globals.locale as Locale} />
    </div>
  ),
};

/** The list's toolbar Delete (selection mode), not a row's "Delete <name>". */
function toolbarDelete(canvasElement: HTMLElement): HTMLElement {
  return within(canvasElement).getByRole('button', { name: /^Delete( \d+)?$/ });
}

/** The row that has the keyboard focus (the grid's roving focus is on a row or inside it). */
function focusedRow(): HTMLElement {
  const row = document.activeElement?.closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error('no row has the focus');
  return row;
}
