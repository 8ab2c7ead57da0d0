import type { Meta, StoryObj } from '@storybook/react-vite';
import { ComposedDeleteDialog } from './ComposedDeleteDialog';

const meta = {
  title: 'DeleteConversationDialog',
  component: ComposedDeleteDialog,
  args: { conversations: 30, latencyMs: 300 },
} satisfies Meta<typeof ComposedDeleteDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The host's own confirmation built from `DeleteConversationDialog.Root`, `.Content`, `.Title`,
 * `.ClearHistory`, `.Description`, `.Action` and `.Cancel`, in its own order and words, with
 * `open` controlled by the host. Delete a row (swipe, hover or Tab to it) or select a few.
 */
export const ComposedByTheHost: Story = {};
