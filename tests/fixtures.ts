import { onTestFinished, vi } from 'vitest';
import type { Conversation } from '../src';
import { scheduleTask } from '../src/core/scheduleTask';

/** The moment fixture messages count back from, fixed so that tests never depend on the clock. */
export const FIXTURE_TIME = 1_700_000_000_000;

/**
 * A conversation whose last message, "Message from <name>", is `minutesAgo` minutes before
 * `FIXTURE_TIME`. IDs starting with `GROUP` make a group, any other a one-to-one chat.
 */
export function conversation(
  conversationID: string,
  displayName: string,
  minutesAgo: number,
  extra: Partial<Conversation> = {},
): Conversation {
  return {
    conversationID,
    type: conversationID.startsWith('GROUP') ? 'GROUP' : 'C2C',
    displayName,
    lastMessage: {
      text: `Message from ${displayName}`,
      timestamp: FIXTURE_TIME - minutesAgo * 60_000,
    },
    unreadCount: 0,
    isPinned: false,
    ...extra,
  };
}

/** Alice is newest, then Bob, Carol, Dave; Team is pinned and so comes first. */
export const people: Conversation[] = [
  conversation('C2Calice', 'Alice', 1),
  conversation('C2Cbob', 'Bob', 2),
  conversation('C2Ccarol', 'Carol', 3),
  conversation('C2Cdave', 'Dave', 4),
  conversation('GROUPteam', 'Team', 50, { isPinned: true }),
];

/**
 * Resolves once the tasks queued so far have run: a timer round, then the kit's own tasks
 * (`scheduleTask`, setImmediate in Node). A zero timeout alone is not enough: in Node it fires
 * before an immediate queued earlier whenever the event loop took a millisecond to get there.
 */
export async function nextTask(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise<void>((resolve) => scheduleTask(resolve));
}

/**
 * Keeps a render error that a test expects out of the test output: React logs it with
 * `console.error`, and React 18 in development also rethrows it inside a fake DOM event that jsdom
 * reports as uncaught. Both are undone when the test ends.
 */
export function silenceExpectedRenderErrors(): void {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const swallow = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener('error', swallow);
  onTestFinished(() => window.removeEventListener('error', swallow));
}
