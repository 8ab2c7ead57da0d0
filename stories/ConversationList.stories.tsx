import type { Meta, StoryObj } from '@storybook/react-vite';
import type React from 'react';
import { useState } from 'react';
import { type Conversation, createMemoryChatServer, type Locale } from '../src';
// The story picks rows in the order the list shows them; the kit's own ordering is internal.
import { compareConversations } from '../src/runtime/conversationListCache';
import { ConversationListDemo } from './ConversationListDemo';
import { ServerPanel } from './ServerPanel';
import { TwoDevices } from './TwoDevices';

const meta = {
  title: 'ConversationList',
  component: ConversationListDemo,
  args: {
    conversations: 30,
    latencyMs: 300,
    swipeToDelete: true,
    fullSwipeToDelete: true,
    selectable: true,
    defaultClearHistory: false,
    width: 420,
  },
  argTypes: {
    conversations: { control: { type: 'number' } },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    undoWindowMs: { control: { type: 'range', min: 0, max: 15_000, step: 500 } },
  },
  render: (args, { globals }) => (
    <ConversationListDemo {...args} locale={globals.locale as Locale} />
  ),
} satisfies Meta<typeof ConversationListDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Swipe a row to the left (or hover it, or Tab to it) to reveal Delete. A deletion can be undone
 * for 5 seconds (Undo, or Ctrl/Cmd+Z in the list); the time stands still while the pointer or
 * focus is on the status below the list.
 */
export const AFewConversations: Story = { args: { undoWindowMs: 5000 } };

export const EmptyList: Story = { args: { conversations: 0 } };

/** Virtualized: only the rows on screen are in the DOM. Try End, PageUp and Ctrl+A. */
export const TenThousandConversations: Story = { args: { conversations: 10_000, latencyMs: 0 } };

export const SelectionMode: Story = { args: { selectedCount: 3 } };

export const RowSwipedOpen: Story = { args: { openSwipeIndex: 1 } };

/** Rows waiting for the confirmation are marked pending. */
export const PendingRows: Story = { args: { selectedCount: 3, pendingCount: 3 } };

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
export const SingleConfirmation: Story = { args: { pendingCount: 1 } };

export const BatchConfirmation: Story = { args: { selectedCount: 4, pendingCount: 4 } };

/** "Also clear chat history" starts checked: the text warns that it cannot be undone. */
export const ClearHistoryChecked: Story = {
  args: { selectedCount: 2, pendingCount: 2, defaultClearHistory: true },
};

/** A backend that cannot keep history: no choice is offered, and the text says so. */
export const HistoryAlwaysCleared: Story = { args: { pendingCount: 1, keepHistory: false } };

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
        code: 2801,
        message: 'Network timeout',
      });
    },
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
};

/** With multi-client sync off (Tencent's default), the other device keeps showing it. */
export const TwoDevicesWithoutSync: Story = {
  render: () => <TwoDevices multiClientSync={false} />,
};

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
      <ConversationListDemo server={server} width={380} height={520} />
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
