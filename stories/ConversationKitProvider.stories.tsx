import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentType, type CSSProperties, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import {
  ConversationKitProvider,
  type ConversationKitProviderProps,
  ConversationList,
  createMemoryChatServer,
  createMemoryOutbox,
} from '../src';
import { listsLoaded } from './interactions';

/** The provider's props as the story's controls: the stage brings the adapter and the list. */
type ProviderStageProps = Partial<ConversationKitProviderProps>;

const frame: CSSProperties = {
  height: 520,
  maxWidth: 420,
  border: '1px solid var(--ck-border)',
  borderRadius: 12,
  overflow: 'hidden',
};

/** The provider on an in-memory server of its own, around the kit's list. */
function ProviderStage(props: ProviderStageProps) {
  const [adapter] = useState(() =>
    createMemoryChatServer({
      conversations: 12,
      seed: 3,
      latencyMs: 200,
      referenceTime: Date.now(),
    }).connect('phone'),
  );
  // The stories of the docs page are lists of one account on one page: each keeps its own.
  const [outboxStorage] = useState(() => createMemoryOutbox());
  return (
    <div style={frame}>
      <ConversationKitProvider outboxStorage={outboxStorage} {...props} adapter={adapter}>
        <ConversationList />
      </ConversationKitProvider>
    </div>
  );
}

const meta = {
  title: 'Components/ConversationKitProvider',
  // The prop table is the provider's own, though the story makes its adapter and children.
  component: ConversationKitProvider as ComponentType<ProviderStageProps>,
  tags: ['autodocs'],
  args: { locale: 'en', undoWindowMs: 0 },
  argTypes: {
    locale: { control: { type: 'inline-radio' }, options: ['en', 'ja', 'zh-CN'] },
    undoWindowMs: { control: { type: 'range', min: 0, max: 15_000, step: 500 } },
    // Objects made in code, not in a form.
    adapter: { control: false },
    queryClient: { control: false },
    store: { control: false },
    outboxStorage: { control: false },
    onError: { control: false },
    children: { control: false },
  },
  render: (args) => <ProviderStage {...args} />,
  play: listsLoaded,
} satisfies Meta<ProviderStageProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One provider per list: its adapter, its query cache, its own selection and deletions. */
export const Default: Story = {};

/** `undoWindowMs`: a confirmed deletion waits 5 seconds, with Undo, before it is sent. */
export const WithAnUndoWindow: Story = { args: { undoWindowMs: 5000 } };

/** `locale="ja"`: the catalogue loads on demand; until it is there the kit speaks English. */
export const Japanese: Story = { args: { locale: 'ja' } };

/** `messages` replaces single strings in the host's words; the rest stays the locale's. */
export const HostMessages: Story = {
  args: { messages: { select: 'Edit', done: 'Finish', empty: 'No chats yet' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await listsLoaded({ canvasElement });
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    expect(canvas.getByRole('button', { name: 'Finish' })).toBeVisible();
    expect(canvas.getByRole('checkbox', { name: 'Select all' })).toBeVisible();
  },
};
