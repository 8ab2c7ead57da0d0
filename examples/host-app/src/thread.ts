import type { Conversation } from 'conversation-kit';

/** One message of the open conversation: the host app's own data, not the kit's. */
export interface ThreadMessage {
  id: string;
  fromMe: boolean;
  sender: string;
  text: string;
  /** ms since epoch */
  timestamp: number;
}

/** The host app's react-query key for a conversation's messages (next to the kit's keys). */
export const threadKey = (conversationID: string) =>
  ['host-app', 'thread', conversationID] as const;

type Line = [fromMe: boolean, text: string];

const scripts: Line[][] = [
  [
    [false, 'Morning! Are we still on for this week?'],
    [true, 'Yes, Thursday works best for me.'],
    [false, 'Great, I’ll book the usual place.'],
    [true, 'Perfect. 7 pm?'],
    [false, '7 pm it is!'],
  ],
  [
    [true, 'Did you get a chance to look at the draft?'],
    [false, 'Reading it now, a few comments coming your way'],
    [false, 'Section 2 is really good, by the way'],
    [true, 'Thanks! I’ll fold your comments in tonight.'],
  ],
  [
    [false, 'The photos from Saturday are up'],
    [true, 'These are amazing'],
    [true, 'Can you send me the one by the lake?'],
    [false, 'Sure, sending the full size.'],
    [true, 'You’re the best'],
  ],
  [
    [true, 'Quick one: who has the keys to the storage room?'],
    [false, 'I think Sam took them yesterday'],
    [true, 'Ok, I’ll ask him.'],
    [false, 'Let me know if you can’t reach him'],
  ],
];

const groupMembers = ['Maya', 'Jonas', 'Priya', 'Leo', 'Sam'];

const systemNotices = [
  'Welcome to Parley! Your chats are synced across your devices.',
  'You signed in on a new device: Laptop (Firefox).',
  'Tip: swipe a chat to the left, or hover it, to delete it.',
];

function hashOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = (hash * 31 + text.charCodeAt(index)) | 0;
  }
  return Math.abs(hash);
}

/** A few believable messages ending with the conversation's real last message. Deterministic. */
export function makeThread(conversation: Conversation): ThreadMessage[] {
  const { conversationID, displayName, type, lastMessage } = conversation;
  const hash = hashOf(conversationID);
  const end = lastMessage?.timestamp ?? Date.now();
  const lines: Line[] =
    type === 'SYSTEM'
      ? systemNotices.map((text): Line => [false, text])
      : [...(scripts[hash % scripts.length] as Line[])];
  if (lastMessage) lines.push([false, lastMessage.text]);
  const senderOf = (fromMe: boolean, index: number) => {
    if (fromMe) return 'You';
    if (type === 'GROUP') return groupMembers[(hash + index) % groupMembers.length] as string;
    return type === 'SYSTEM' ? 'Parley' : displayName;
  };
  let timestamp = end;
  const messages: ThreadMessage[] = [];
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const [fromMe, text] = lines[index] as Line;
    messages.unshift({
      id: `${conversationID}-${index}`,
      fromMe,
      sender: senderOf(fromMe, index),
      text,
      timestamp,
    });
    // Earlier messages a few minutes apart.
    timestamp -= 60_000 * (2 + ((hash >> index) % 9));
  }
  return messages;
}

/** Stands in for the host app's own message API. */
export function fetchThread(conversation: Conversation): Promise<ThreadMessage[]> {
  return new Promise((resolve) => setTimeout(() => resolve(makeThread(conversation)), 120));
}
