import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { Alias, AliasOptions } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  typescript: {
    // react-docgen reads neither the forwardRef list's props, which extend the grid options of
    // another file, nor the dialog's parts; the TypeScript checker follows them.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // Only the kit and the stories have components to document.
      include: ['src/**/*.tsx', 'stories/**/*.tsx'],
      // A prop table lists the kit's own props: the root element's hundreds of DOM attributes
      // (from @types/react) would bury them.
      propFilter: (prop) => !prop.parent?.fileName.includes('node_modules'),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
    },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The sidebar opens on the kit's own Getting started, not on Storybook's checklist for its users.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // The docs pages' examples import the kit by its package name, as a host app does; here that
  // name is the sources. The more specific alias comes first.
  viteFinal: (config) => ({
    ...config,
    // `npm run build-storybook` in CI says what went wrong, not the size of every file.
    logLevel: 'warn',
    build: {
      ...config.build,
      // The preview bundles axe and the docs blocks: large by nature, and never shipped to a host.
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        // Which plugin took how long (react-docgen-typescript, mostly) is no news in CI's log.
        checks: { ...config.build?.rolldownOptions?.checks, pluginTimings: false },
        onwarn(warning, warn) {
          // React Query marks its hooks "use client" for server components; a Storybook bundle
          // is all client code, so the directive has nothing to say here.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          const previous = config.build?.rolldownOptions?.onwarn;
          if (previous) previous(warning, warn);
          else warn(warning);
        },
      },
    },
    resolve: {
      ...config.resolve,
      alias: [
        { find: /^conversation-kit\/styles\.css$/, replacement: fromRoot('src/styles/styles.css') },
        { find: /^conversation-kit$/, replacement: fromRoot('src/index.ts') },
        ...toAliasList(config.resolve?.alias),
      ],
    },
  }),
};

/** Vite takes aliases as an object or a list; this keeps Storybook's own, as a list. */
function toAliasList(aliases: AliasOptions | undefined): Alias[] {
  if (!aliases) return [];
  if (Array.isArray(aliases)) return aliases;
  return Object.entries(aliases).map(([find, replacement]) => ({ find, replacement }));
}

export default config;
