// The example of docs/adapters.md, run as a test so that it cannot rot: the page's code block is
// this file with the package's import paths (docsExampleInSync.test.ts holds the two together).
// It is also the in-memory server's own conformance test, with multi-client sync on as the kit's
// stories and demo run it (brokenAdapters.test.ts runs the server's adapters unbroken too).

import { describe, it } from 'vitest';
import { createMemoryChatServer } from '../../src/memory';
import { defineAdapterConformanceSuite } from '../../src/testing';

describe('my chat adapter', () => {
  defineAdapterConformanceSuite(
    { describe, it },
    // A fresh backend for every check. Here it is the kit's in-memory server; for your adapter,
    // connect two clients of one test account to a local test server or a fake of the SDK.
    () => {
      const server = createMemoryChatServer({ conversations: 5, multiClientSync: true });
      return {
        devices: [server.connect('phone'), server.connect('laptop')],
        addMessage: (conversationID, text) => server.receiveMessage(conversationID, text),
        historyLength: (conversationID) => server.historyLength(conversationID),
        multiDeviceSync: true,
        unknownConversationID: (index) => `C2Cnobody${index}`,
      };
    },
    { timeoutMs: 1000 },
  );
});
