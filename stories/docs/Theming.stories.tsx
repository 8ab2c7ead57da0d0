import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { ConversationListDemo } from '../ConversationListDemo';
import { listsLoaded } from '../interactions';

interface ThemeTokens {
  accent: string;
  badge: string;
  focusRing: string;
  rowSelected: string;
  danger: string;
  radius: string;
  rowHeight: string;
  fontFamily: string;
}

/**
 * The kit on a wrapper that sets a few `--ck-*` tokens, as a host's stylesheet would. The list
 * reads `--ck-row-height` once, when it mounts, so a new height mounts it again (its `key`).
 */
function ThemedList(tokens: ThemeTokens) {
  const style = {
    '--ck-accent': tokens.accent,
    '--ck-badge': tokens.badge,
    '--ck-focus-ring': tokens.focusRing,
    '--ck-row-selected': tokens.rowSelected,
    '--ck-danger': tokens.danger,
    '--ck-radius': tokens.radius,
    '--ck-row-height': tokens.rowHeight,
    '--ck-font-family': tokens.fontFamily,
  } as CSSProperties;
  return (
    <div style={style}>
      <ConversationListDemo
        key={tokens.rowHeight}
        conversations={20}
        latencyMs={0}
        width={420}
        height={420}
        selectedCount={2}
      />
    </div>
  );
}

const meta = {
  title: 'Examples/Theme tokens',
  component: ThemedList,
  // Shown on the Theming page, where its controls are; not in the sidebar of its own.
  tags: ['!dev'],
  args: {
    accent: '#6d28d9',
    badge: '#0f766e',
    focusRing: '#6d28d9',
    rowSelected: '#ede9fe',
    danger: '#be123c',
    radius: '1.25rem',
    rowHeight: '4rem',
    fontFamily: 'Georgia, serif',
  },
  argTypes: {
    accent: { control: 'color', description: '`--ck-accent`: checkbox ticks, progress.' },
    badge: { control: 'color', description: '`--ck-badge`: the unread count.' },
    focusRing: { control: 'color', description: '`--ck-focus-ring`: the keyboard focus ring.' },
    rowSelected: { control: 'color', description: '`--ck-row-selected`: a selected row.' },
    danger: { control: 'color', description: "`--ck-danger`: a row's Delete action." },
    radius: { control: 'text', description: '`--ck-radius`: corners of buttons and the dialog.' },
    rowHeight: { control: 'text', description: '`--ck-row-height`: the height of every row.' },
    fontFamily: { control: 'text', description: "`--ck-font-family`: all of the kit's text." },
  },
  play: listsLoaded,
} satisfies Meta<typeof ThemedList>;

export default meta;

export const BrandTokens: StoryObj<typeof meta> = {};
