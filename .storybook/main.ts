import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  typescript: {
    // react-docgen reads neither the forwardRef list's props, which extend the grid options of
    // another file, nor the dialog's parts; the TypeScript checker follows them.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // A prop table lists the kit's own props: the root element's hundreds of DOM attributes
      // (from @types/react) would bury them.
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
