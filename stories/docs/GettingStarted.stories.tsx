import type { Meta, StoryObj } from '@storybook/react-vite';
import { listsLoaded } from '../interactions';
import { Inbox } from './examples/Inbox';

const meta = {
  title: 'Examples/Inbox',
  component: Inbox,
  // Shown on the Getting started page, next to its code; not in the sidebar of its own.
  tags: ['!dev'],
  play: listsLoaded,
} satisfies Meta<typeof Inbox>;

export default meta;

/** The Getting started page's example, as it runs. */
export const GettingStarted: StoryObj<typeof meta> = {};
