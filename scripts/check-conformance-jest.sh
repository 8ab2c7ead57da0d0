#!/usr/bin/env bash
# The adapter conformance suite in Jest, as an adapter author outside this repository runs it:
# the packed kit and Jest installed into a scratch project, the suite registered with Jest's own
# `describe`/`it` over the packed in-memory server. (The repository's own tests run it in Vitest.)
# Jest runs ES modules with Node's --experimental-vm-modules: the kit is published as ESM only.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -n 1)
cd "$scratch"
npm init -y > /dev/null
npm pkg set type=module > /dev/null
npm install --no-audit --no-fund --prefer-offline --silent "./$tarball" jest@30 > /dev/null

cat > conformance.test.js << 'JS'
import { describe, it } from '@jest/globals';
import { createMemoryChatServer } from 'conversation-kit/memory';
import { adapterConformanceCheckNames, defineAdapterConformanceSuite } from 'conversation-kit/testing';

describe('the in-memory server, in Jest', () => {
  defineAdapterConformanceSuite({ describe, it }, () => {
    const server = createMemoryChatServer({ conversations: 5, multiClientSync: true });
    return {
      devices: [server.connect('phone'), server.connect('laptop')],
      addMessage: (conversationID, text) => server.receiveMessage(conversationID, text),
      historyLength: (conversationID) => server.historyLength(conversationID),
      multiDeviceSync: true,
    };
  });
});

// A broken adapter must fail in Jest too: its results come back one short.
describe('an adapter that loses a result, in Jest', () => {
  defineAdapterConformanceSuite(
    { describe, it: (name, test, timeout) => it(name, () => expectFailure(name, test), timeout) },
    () => {
      const server = createMemoryChatServer({ conversations: 5, multiClientSync: true });
      const lossy = (device) => {
        const adapter = server.connect(device);
        return {
          ...adapter,
          capabilities: adapter.capabilities,
          deleteConversationList: async (ids, options) =>
            (await adapter.deleteConversationList(ids, options)).slice(1),
        };
      };
      return {
        devices: [lossy('phone'), lossy('laptop')],
        addMessage: (conversationID, text) => server.receiveMessage(conversationID, text),
      };
    },
  );
});

const mustFail = new Set(['deleteConversationList answers one result per ID, in the order asked']);
async function expectFailure(name, test) {
  let failed = false;
  try {
    await test();
  } catch {
    failed = true;
  }
  if (mustFail.has(name) && !failed) throw new Error(`"${name}" passed for a broken adapter`);
}
if (!adapterConformanceCheckNames.some((name) => mustFail.has(name))) {
  throw new Error(`no check named ${[...mustFail]}: ${adapterConformanceCheckNames.join('; ')}`);
}
JS

NODE_OPTIONS=--experimental-vm-modules npx jest --ci --silent conformance.test.js 2>&1 | tail -n 6
echo "the conformance suite runs in Jest $(node -p "require('jest/package.json').version")"
