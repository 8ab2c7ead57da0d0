import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  DeleteConversationDialog,
  DeleteConversationDialogAction,
  DeleteConversationDialogCancel,
  DeleteConversationDialogClearHistory,
  DeleteConversationDialogContent,
  DeleteConversationDialogDescription,
  type DeleteConversationDialogProps,
  DeleteConversationDialogRoot,
  DeleteConversationDialogTitle,
} from '../src';
import { ComposedDeleteDialog, type ComposedDeleteDialogProps } from './ComposedDeleteDialog';
import { findConfirmation, findRows, listsLoaded, swipe } from './interactions';

const meta = {
  title: 'Components/DeleteConversationDialog',
  // The prop tables document the kit's dialog and its parts; the story renders a host's list
  // with a confirmation composed from those parts.
  component: DeleteConversationDialog,
  subcomponents: {
    'DeleteConversationDialog.Root': DeleteConversationDialogRoot,
    'DeleteConversationDialog.Content': DeleteConversationDialogContent,
    'DeleteConversationDialog.Title': DeleteConversationDialogTitle,
    'DeleteConversationDialog.Description': DeleteConversationDialogDescription,
    'DeleteConversationDialog.ClearHistory': DeleteConversationDialogClearHistory,
    'DeleteConversationDialog.Cancel': DeleteConversationDialogCancel,
    'DeleteConversationDialog.Action': DeleteConversationDialogAction,
  },
  tags: ['autodocs'],
  args: { conversations: 30, latencyMs: 300 },
  argTypes: {
    conversations: {
      description: 'How many conversations the in-memory server starts with.',
      table: { category: 'Story: in-memory server' },
    },
    latencyMs: {
      description: 'How long the server takes to answer each call, in ms.',
      table: { category: 'Story: in-memory server' },
    },
    seed: { table: { disable: true } },
    onReady: { table: { disable: true } },
  },
  render: (args) => <ComposedDeleteDialog {...args} />,
  play: listsLoaded,
} satisfies Meta<ComposedDeleteDialogProps & DeleteConversationDialogProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The host's own confirmation built from `DeleteConversationDialog.Root`, `.Content`, `.Title`,
 * `.ClearHistory`, `.Description`, `.Action` and `.Cancel`, in its own order and words, with
 * `open` controlled by the host. Delete a row (swipe, hover or Tab to it) or select a few.
 */
export const ComposedByTheHost: Story = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const [row] = await findRows(canvasElement);
    if (!row) throw new Error('the list shows no rows');
    // The host's `open`, shown in an <output> under the list.
    const hostOpen = within(canvas.getByText(/Host’s/)).getByRole('status');

    await step("A row's Delete opens the host's confirmation, in the host's words", async () => {
      swipe(row, -120);
      await waitFor(() => expect(row).toHaveAttribute('data-swipe', 'open'));
      await userEvent.click(within(row).getByRole('button', { name: /^Delete/ }));
      const dialog = await findConfirmation(canvasElement, 'Remove this chat?');
      // Remove comes first in the host's order; the choice that loses nothing still has focus.
      expect(within(dialog).getByRole('button', { name: 'Keep' })).toHaveFocus();
      expect(hostOpen).toHaveTextContent('true');
    });
    await step('Keep closes it and the host hears open = false', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Keep' }));
      await waitFor(() => expect(hostOpen).toHaveTextContent('false'));
      expect(row).toBeInTheDocument();
    });
  },
};
