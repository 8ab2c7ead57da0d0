// The Sendbird adapter passes the kit's adapter conformance suite, over the fake of the SDK typed
// by its own .d.ts (fakeSendbird.ts: Sendbird's client protocol is not public, so no local server).
import { describe, it } from 'vitest';
import { createSendbirdChatAdapter } from '../../../src/sendbird';
import { defineAdapterConformanceSuite } from '../../../src/testing';
import { FakeSendbirdAccount } from './fakeSendbird';

describe('the Sendbird adapter (SDK fake)', () => {
  defineAdapterConformanceSuite({ describe, it }, () => {
    const account = new FakeSendbirdAccount('alice', [
      { url: 'dm_alice_bob', members: ['alice', 'bob'], isDistinct: true, messages: ['Hi'] },
      { url: 'team', name: 'Team', members: ['bob', 'carol'], messages: ['Standup?'] },
      { url: 'trip', name: 'Trip', members: ['dave'], messages: ['Tickets'] },
      { url: 'book_club', name: 'Book club', members: ['erin', 'frank'], messages: ['Chapter 3'] },
    ]);
    return {
      devices: [
        createSendbirdChatAdapter(account.connect().asInstance()),
        createSendbirdChatAdapter(account.connect().asInstance()),
      ],
      addMessage: (conversationID, text) => account.addMessage(conversationID, text),
      historyLength: (conversationID) => account.historyLength(conversationID),
      multiDeviceSync: true,
    };
  });
});
