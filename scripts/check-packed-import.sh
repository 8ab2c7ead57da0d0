#!/usr/bin/env bash
# Packs the built kit, installs the tarball into a scratch project and imports it in plain Node,
# as a host app's server-side code would: no DOM, no React rendering.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
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
const css = (await import('node:fs')).readFileSync('node_modules/conversation-kit/dist/styles.css', 'utf8');
if (!css.includes('--ck-')) throw new Error('styles.css is missing');
console.log('packed conversation-kit imports in Node: ' + Object.keys(kit).length + ' exports; /memory ' +
  Object.keys(memory).length + ', /tencent ' + Object.keys(tencent).length);
"
