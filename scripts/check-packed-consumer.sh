#!/usr/bin/env bash
# Packs the kit and meets it from a fresh, strict consumer, as a host app would after
# `npm install conversation-kit`:
#
# 1. Types. Only the tarball and its non-optional peers are installed (React, zustand, React
#    Query and @types/react): no `@tencentcloud/chat`, `stream-chat` or `@sendbird/chat` (optional
#    peers), no Vite and its client
#    types. `strict`, `skipLibCheck: false` (the kit's own .d.ts files are checked too) and
#    `noUncheckedSideEffectImports` (so `import 'conversation-kit/styles.css'` must resolve to a
#    type entry); twice: `moduleResolution: bundler` (Vite, webpack, Next.js) and `node16` (Node's
#    own rules: `exports` conditions, ESM declaration files whose relative imports need
#    extensions). The code is the README's "Using the list" example, taken from README.md itself,
#    plus a file that imports every entry point.
# 2. A build. Vite and its React plugin are then installed as dev tools (the tsconfig above never
#    names Vite's types) and build a page that renders that same README example.
# 3. A render. The built page is served on a free localhost port and opened in Chromium
#    (scripts/render-packed-example.mjs): the grid shows rows, and the console has no error.
#
# `npm pack` runs the kit's `prepack` (a fresh build), as it does on a clean clone. Peers and dev
# tools are installed at the versions this repo has, with --prefer-offline, so the npm cache
# usually answers. The compiler is the repo's own TypeScript.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

version() { node -p "require('./node_modules/$1/package.json').version"; }
peers=()
for name in react react-dom zustand @tanstack/react-query @types/react; do
  peers+=("$name@$(version "$name")")
done
# The consumer's build tools, for step 2.
tools=("vite@$(version vite)" "@vitejs/plugin-react@$(version @vitejs/plugin-react)")

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)

status=0
# The published declarations must not name the optional SDKs outside comments: a consumer without
# them would fail. (Said up front; the compiler below says it too, less directly.)
if tar -xzf "$scratch/$tarball" -C "$scratch" --wildcards 'package/dist/*.d.ts' &&
  grep -rn --include='*.d.ts' -e "@tencentcloud/chat" -e "stream-chat" -e "@sendbird/chat" "$scratch/package/dist" |
  grep -v '^[^:]*:[0-9]*:\s*\(\*\|//\|/\*\)'; then
  echo "A published .d.ts imports @tencentcloud/chat, stream-chat or @sendbird/chat (optional peers)." >&2
  status=1
fi
rm -rf "$scratch/package"

cd "$scratch"
cat > package.json << 'JSON'
{ "name": "strict-consumer", "private": true, "type": "module" }
JSON
npm install --no-audit --no-fund --prefer-offline --silent "./$tarball" "${peers[@]}" > /dev/null
if [ -e node_modules/@tencentcloud/chat ] || [ -e node_modules/stream-chat ] ||
  [ -e node_modules/@sendbird/chat ] || [ -e node_modules/vite ]; then
  echo "The consumer must not have a chat SDK or vite installed." >&2
  exit 1
fi

mkdir src
# The README's first tsx block under "## Using the list", exactly as a newcomer copies it.
node -e "
const readme = require('node:fs').readFileSync(process.argv[1], 'utf8');
const section = readme.split(/^## Using the list\s*$/m)[1]?.split(/^## /m)[0];
const block = section && /\`\`\`tsx\n([\s\S]*?)\`\`\`/.exec(section);
if (!block) throw new Error('README.md has no tsx block under ## Using the list');
process.stdout.write(block[1]);
" "$repo/README.md" > src/readme-example.tsx

cat > src/entry-points.tsx << 'TSX'
// Every entry point, as a host imports it. The subpaths hold the same functions as the root.
import type { QueryClient } from '@tanstack/react-query';
import 'conversation-kit/styles.css';
import {
  type ChatAdapter,
  type Conversation,
  ConversationKitError,
  ConversationKitProvider,
  ConversationList,
  createMemoryChatServer as rootMemory,
  createTencentChatAdapter as rootTencent,
  type DeleteResult,
  useDeleteConversations,
} from 'conversation-kit';
import {
  createMemoryChatServer,
  type MemoryChatServer,
  type MemoryChatServerOptions,
} from 'conversation-kit/memory';
import {
  conversationListQueryKey,
  type PrefetchableAdapter,
  prefetchConversationList,
} from 'conversation-kit/server';
import {
  createSendbirdChatAdapter,
  type SendbirdChatAdapterOptions,
  type SendbirdChatInstance,
} from 'conversation-kit/sendbird';
import {
  createStreamChatAdapter,
  type StreamChatAdapterOptions,
  type StreamChatClient,
} from 'conversation-kit/stream';
import {
  createTencentChatAdapter,
  type TencentChat,
  type TencentChatAdapterOptions,
} from 'conversation-kit/tencent';
import {
  type AdapterConformanceResult,
  defineAdapterConformanceSuite,
  runAdapterConformance,
} from 'conversation-kit/testing';

const sameMemory: typeof rootMemory = createMemoryChatServer;
const sameTencent: typeof rootTencent = createTencentChatAdapter;

const options: MemoryChatServerOptions = { conversations: 3, seed: 1, latencyMs: 0 };
const server: MemoryChatServer = sameMemory(options);
const memoryAdapter: ChatAdapter = server.connect('phone');
const calls: ReadonlyArray<{ device: string; conversationIDs: string[]; clearMessage: boolean }> =
  server.calls;

// A host's own object with the four methods the adapter uses, without the SDK's typings.
const chat: TencentChat = {
  getConversationList: async () => ({ data: { conversationList: [] } }),
  deleteConversation: async () => ({ data: { conversationIDList: [] } }),
  on: () => {},
  off: () => {},
};
const tencentOptions: TencentChatAdapterOptions = { systemConversationName: 'System' };
const tencentAdapter: ChatAdapter = sameTencent(chat, tencentOptions);

// The vendor adapters' types, without their SDKs installed: a host's client typed by hand.
const streamClient: StreamChatClient = {
  userID: 'alice',
  activeChannels: {},
  queryChannels: async () => [],
  on: () => ({ unsubscribe: () => {} }),
};
const streamOptions: StreamChatAdapterOptions = { channelType: 'messaging', concurrency: 3 };
const streamAdapter: ChatAdapter = createStreamChatAdapter(streamClient, streamOptions);
const sendbirdOptions: SendbirdChatAdapterOptions = { concurrency: 3 };
const makeSendbirdAdapter = (sb: SendbirdChatInstance): ChatAdapter =>
  createSendbirdChatAdapter(sb, sendbirdOptions);
export { makeSendbirdAdapter, streamAdapter };

async function deleteTwo(adapter: ChatAdapter): Promise<DeleteResult[]> {
  const list: Conversation[] = await adapter.getConversationList();
  const ids = list.slice(0, 2).map((conversation) => conversation.conversationID);
  return adapter.deleteConversationList(ids, { clearMessage: false });
}

function DeleteAllButton({ ids }: { ids: string[] }) {
  const { deleteConversations } = useDeleteConversations();
  return (
    <button type="button" onClick={() => deleteConversations(ids, { clearHistory: false })}>
      Delete
    </button>
  );
}

export function App() {
  return (
    <ConversationKitProvider
      adapter={memoryAdapter}
      onError={(error) => {
        if (error instanceof ConversationKitError) console.log(error.code);
      }}
    >
      <ConversationList
        defaultClearHistory
        renderConversation={(conversation, state) =>
          `${conversation.displayName}${state.selected ? ' (selected)' : ''}`
        }
      />
      <DeleteAllButton ids={[]} />
    </ConversationKitProvider>
  );
}

// What a server renders with: a list prefetched under the cacheKey the browser's adapter shares.
const onTheServer: PrefetchableAdapter = sameMemory(options).connect('web', { cacheKey: 'inbox' });
const inboxKey: readonly unknown[] = conversationListQueryKey(onTheServer);
const prefetch: (queryClient: QueryClient, adapter: PrefetchableAdapter) => Promise<void> =
  prefetchConversationList;

// An adapter author's conformance run, with plain results or in their test runner.
const conformance: Promise<AdapterConformanceResult[]> = runAdapterConformance(() => {
  const backend = sameMemory({ ...options, multiClientSync: true });
  return {
    devices: [backend.connect('a'), backend.connect('b')],
    addMessage: (conversationID: string) => backend.receiveMessage(conversationID, 'hi'),
  };
});
const defineSuite: typeof defineAdapterConformanceSuite = defineAdapterConformanceSuite;

export { calls, conformance, defineSuite, deleteTwo, inboxKey, prefetch, sameTencent, tencentAdapter };
TSX

common='"strict": true, "skipLibCheck": false, "noUncheckedSideEffectImports": true,
    "target": "ES2022", "lib": ["ES2022", "DOM", "DOM.Iterable"], "jsx": "react-jsx",
    "noEmit": true, "isolatedModules": true, "verbatimModuleSyntax": true'
cat > tsconfig.bundler.json << JSON
{ "compilerOptions": { $common, "module": "ESNext", "moduleResolution": "bundler" },
  "include": ["src"] }
JSON
cat > tsconfig.node16.json << JSON
{ "compilerOptions": { $common, "module": "node16", "moduleResolution": "node16" },
  "include": ["src"] }
JSON

for mode in bundler node16; do
  if "$repo/node_modules/.bin/tsc" -p "tsconfig.$mode.json" --pretty false; then
    echo "strict consumer ($mode resolution): the packed types compile"
  else
    echo "strict consumer ($mode resolution): the packed types do NOT compile" >&2
    status=1
  fi
done

# 2. Build the README's example with Vite, installed now as a dev tool of the consumer.
npm install --no-audit --no-fund --prefer-offline --silent --save-dev "${tools[@]}" > /dev/null
mkdir page
cat > page/index.html << 'HTML'
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>README example</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.tsx"></script>
  </body>
</html>
HTML
# Outside src: the page's own entry, not part of what the strict type-check above covers.
cat > page/main.tsx << 'TSX'
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Inbox } from '../src/readme-example';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Inbox />
  </StrictMode>,
);
TSX
cat > vite.config.mjs << 'JS'
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ root: 'page', plugins: [react()], build: { outDir: '../built' } });
JS
if node_modules/.bin/vite build --logLevel error; then
  echo "strict consumer: Vite builds the README example"
else
  echo "strict consumer: Vite does NOT build the README example" >&2
  exit 1
fi

# 3. Render it in Chromium.
port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
node_modules/.bin/vite preview --port "$port" --strictPort --host 127.0.0.1 --logLevel error > preview.log 2>&1 &
preview=$!
trap 'kill "$preview" 2>/dev/null; rm -rf "$scratch"' EXIT
if node "$repo/scripts/render-packed-example.mjs" "http://127.0.0.1:$port/"; then
  echo "strict consumer: the built README example renders its rows in Chromium, no console error"
else
  cat preview.log >&2
  status=1
fi
exit $status
