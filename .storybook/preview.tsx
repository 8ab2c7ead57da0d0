import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles/styles.css';

/** The toolbar's theme, direction and locale reach every story through these attributes. */
const withKitGlobals: Decorator = (Story, context) => {
  const { theme = 'light', dir = 'ltr', locale = 'en' } = context.globals as Record<string, string>;
  return (
    <div
      data-ck-theme={theme}
      dir={dir}
      lang={locale}
      style={{
        padding: 16,
        background: theme === 'dark' ? '#0b0c10' : '#f5f6f8',
        // A story fills the canvas on its own page; on a docs page it takes only its height.
        minHeight: context.viewMode === 'docs' ? undefined : '100vh',
      }}
    >
      <Story />
    </div>
  );
};

/**
 * Every story's in-memory server is the same account ('memory-user') on the same page, so a
 * deletion one story kept in localStorage (in its undo window, say) would be claimed and sent by
 * the next story's list. Each story starts as a fresh browser would.
 */
function forgetKeptDeletions(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('conversation-kit:outbox:')) localStorage.removeItem(key);
  }
}

const preview: Preview = {
  decorators: [withKitGlobals],
  beforeEach: forgetKeptDeletions,
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the kit',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ja', title: '日本語' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // The accessibility panel runs axe on every story; in the story tests (Vitest) a violation
    // fails the story, as the kit promises an accessible list.
    a11y: { test: 'error' },
    docs: { toc: { headingSelector: 'h2, h3' } },
    // The docs pages first, in reading order, then the components from the outside in.
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'Theming', 'Adapters', 'Undo and offline'],
          'Components',
          ['ConversationList', 'DeleteConversationDialog', 'ConversationKitProvider'],
          'Hooks',
        ],
      },
    },
  },
};

export default preview;
