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
        minHeight: '100vh',
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withKitGlobals],
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
  },
};

export default preview;
