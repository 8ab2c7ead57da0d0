#!/usr/bin/env bash
# Packs the built kit, installs the tarball into a scratch project and imports it in plain Node,
# as a host app's server-side code would: no DOM, no React rendering.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
# The optional peer conversation-kit/sendbird needs, at the version this repo tests with.
sendbird_version=$(node -p "require('./node_modules/@sendbird/chat/package.json').version")
cd "$scratch"
npm init -y > /dev/null
npm install --no-audit --no-fund --prefer-offline --silent "./$tarball" > /dev/null
node --input-type=module -e "
const kit = await import('conversation-kit');
const server = kit.createMemoryChatServer({ conversations: 3 });
const adapter = server.connect('node');
const [first] = await adapter.getConversationList();
const result = await adapter.deleteConversation(first.conversationID);
if (!result.ok || server.listConversations().length !== 2) throw new Error('memory server failed');
for (const name of ['ConversationKitProvider', 'createTencentChatAdapter', 'useConversations', 'ConversationKitError']) {
  if (!(name in kit)) throw new Error('missing export ' + name);
}
// The catalogues of other languages are chunks of their own: they must be in the package.
const ja = await kit.loadLocale('ja');
if (ja.cancel !== 'キャンセル') throw new Error('ja catalogue');
// The subpath entry points hold the very functions the root re-exports (shared chunks).
const memory = await import('conversation-kit/memory');
const tencent = await import('conversation-kit/tencent');
if (memory.createMemoryChatServer !== kit.createMemoryChatServer) throw new Error('conversation-kit/memory');
if (tencent.createTencentChatAdapter !== kit.createTencentChatAdapter) throw new Error('conversation-kit/tencent');
if (typeof memory.generateConversations !== 'function' || typeof tencent.toConversation !== 'function') {
  throw new Error('subpath exports');
}
for (const name of ['chunk', 'SdkCode', 'useConversationStore', 'useConversationKit']) {
  if (name in kit) throw new Error('internal export ' + name);
}
// conversation-kit/server, as a server renders with it: no \"use client\" (a Server Component
// calls it), while the root entry carries one (React Server Components take it as the boundary).
const { readFileSync } = await import('node:fs');
const firstLine = (file) => readFileSync('node_modules/conversation-kit/dist/' + file, 'utf8').split('\\n')[0];
if (!/^[\"']use client[\"'];?$/.test(firstLine('index.js'))) throw new Error('dist/index.js has no \"use client\" on top');
if (/use client/.test(firstLine('server.js'))) throw new Error('dist/server.js must not be a client module');
const { QueryClient } = await import('@tanstack/react-query');
const ssr = await import('conversation-kit/server');
const queryClient = new QueryClient();
const onServer = memory.createMemoryChatServer({ conversations: 5 }).connect('web', { cacheKey: 'inbox' });
await ssr.prefetchConversationList(queryClient, onServer);
if (queryClient.getQueryData(ssr.conversationListQueryKey(onServer))?.length !== 5) throw new Error('conversation-kit/server prefetch');
if (ssr.conversationListQueryKey !== kit.conversationListQueryKey) throw new Error('conversation-kit/server key');
if (!readFileSync('node_modules/conversation-kit/LICENSE', 'utf8').includes('MIT License')) throw new Error('LICENSE is missing');
const css = readFileSync('node_modules/conversation-kit/dist/styles.css', 'utf8');
if (!css.includes('--ck-')) throw new Error('styles.css is missing');
// conversation-kit/testing, as an adapter author's script runs it: every check of the suite
// passes against the packed in-memory server, none skipped.
const testing = await import('conversation-kit/testing');
const conformance = await testing.runAdapterConformance(() => {
  const account = memory.createMemoryChatServer({ conversations: 5 });
  return {
    devices: [account.connect('A'), account.connect('B')],
    addMessage: (id, text) => account.receiveMessage(id, text),
    historyLength: (id) => account.historyLength(id),
    multiDeviceSync: true,
  };
});
const notPassed = conformance.filter((check) => !check.ok || check.skipped);
if (notPassed.length > 0 || conformance.length !== testing.adapterConformanceCheckNames.length) {
  throw new Error('conversation-kit/testing: ' + notPassed.map((check) => check.name + ': ' + (check.error?.message ?? check.skipped)).join('; '));
}
console.log('packed conversation-kit imports in Node: ' + Object.keys(kit).length + ' exports; /memory ' +
  Object.keys(memory).length + ', /tencent ' + Object.keys(tencent).length + ', /server ' + Object.keys(ssr).length +
  ' (prefetches; the root says \"use client\", /server does not), /testing ' + Object.keys(testing).length +
  ' (the memory server passes its ' + conformance.length + ' checks)');
"

# The vendor adapters. conversation-kit/stream never loads stream-chat: it works on any object
# shaped like a client, the SDK not installed. conversation-kit/sendbird takes Sendbird's handler
# classes from @sendbird/chat (the SDK refuses any other handler): without that optional peer it
# does not load, and with it installed, as in a Sendbird host, the SDK accepts its handlers.
node --input-type=module -e "
const stream = await import('conversation-kit/stream');
const client = { userID: 'alice', activeChannels: {}, queryChannels: async () => [], on: () => ({ unsubscribe() {} }) };
const adapter = stream.createStreamChatAdapter(client);
if ((await adapter.getConversationList()).length !== 0 || !adapter.isConversationID('messaging:general')) {
  throw new Error('conversation-kit/stream');
}
const withoutSdk = await import('conversation-kit/sendbird').then(() => 'loaded', (error) => error.code);
if (withoutSdk !== 'ERR_MODULE_NOT_FOUND') throw new Error('conversation-kit/sendbird loaded without @sendbird/chat: ' + withoutSdk);
"
npm install --no-audit --no-fund --prefer-offline --silent "@sendbird/chat@$sendbird_version" > /dev/null
node --input-type=module -e "
const { default: SendbirdChat } = await import('@sendbird/chat');
const { GroupChannelModule } = await import('@sendbird/chat/groupChannel');
const { createSendbirdChatAdapter } = await import('conversation-kit/sendbird');
const sb = SendbirdChat.init({ appId: 'PACKED-CHECK', modules: [new GroupChannelModule()] });
const adapter = createSendbirdChatAdapter(sb);
// Throws if the SDK refused the handlers (not instances of its own classes).
adapter.subscribe(() => {})();
adapter.subscribeToConnection(() => {})();
console.log('packed /stream works without stream-chat; /sendbird loads with @sendbird/chat ' + '$sendbird_version' + ', whose SDK accepts its handlers');
// The SDK instance keeps timers of its own running, which would keep Node alive.
process.exit(0);
"
