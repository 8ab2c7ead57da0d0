import { ConversationKitError } from './errors';
import type { ConversationType } from './types';

/** Which spelling of conversation IDs a backend uses: the Web SDK's or the native SDKs'. */
export type ConversationIdForm = 'web' | 'native';

export interface ParsedConversationID {
  type: ConversationType;
  form: ConversationIdForm;
  /** The user or group ID after the prefix; empty for the system conversation. */
  peerID: string;
}

const SYSTEM_CONVERSATION_ID = '@TIM#SYSTEM';
/** Longer IDs than this are refused: Tencent's user and group IDs are at most 48 bytes. */
const MAX_PEER_ID_LENGTH = 128;
const prefixes: ReadonlyArray<{
  prefix: string;
  type: ConversationType;
  form: ConversationIdForm;
}> = [
  { prefix: 'C2C', type: 'C2C', form: 'web' },
  { prefix: 'GROUP', type: 'GROUP', form: 'web' },
  { prefix: 'c2c_', type: 'C2C', form: 'native' },
  { prefix: 'group_', type: 'GROUP', form: 'native' },
];
// Whitespace and control characters never occur in user or group IDs; seeing one means the
// ID came from somewhere else (a display name, a pasted string) and must not reach the backend.
const forbiddenCharacter = /[\s\p{Cc}]/u;

/**
 * Reads the type and form of a conversation ID, or returns `null` for anything that is not one.
 * Only the type is read: display names never come out of IDs.
 */
export function parseConversationID(value: unknown): ParsedConversationID | null {
  if (typeof value !== 'string') return null;
  if (value === SYSTEM_CONVERSATION_ID) return { type: 'SYSTEM', form: 'web', peerID: '' };
  for (const { prefix, type, form } of prefixes) {
    if (!value.startsWith(prefix)) continue;
    const peerID = value.slice(prefix.length);
    if (peerID === '' || peerID.length > MAX_PEER_ID_LENGTH || forbiddenCharacter.test(peerID)) {
      return null;
    }
    return { type, form, peerID };
  }
  return null;
}

/** Whether a value is a conversation ID in one of the accepted forms (both by default). */
export function isConversationID(
  value: unknown,
  forms: readonly ConversationIdForm[] = ['web', 'native'],
): value is string {
  const parsed = parseConversationID(value);
  return parsed !== null && forms.includes(parsed.form);
}

export interface ValidateConversationIDsOptions {
  /** The ID spellings the backend understands; both by default. */
  forms?: readonly ConversationIdForm[];
  /** Refuse lists longer than this with `BATCH_TOO_LARGE`. */
  maxCount?: number;
  /**
   * A backend's own test of its IDs (`ChatAdapter.isConversationID`); when given, it decides
   * instead of `forms`. Only strings are handed to it.
   */
  accepts?: (value: string) => boolean;
}

function describeValue(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : `a ${value === null ? 'null' : typeof value}`;
}

/** "a, b, c and 4 more": enough of a list for an error message. */
export function describeSome(values: readonly unknown[]): string {
  const named = values.slice(0, 3).map(describeValue).join(', ');
  return values.length > 3 ? `${named} and ${values.length - 3} more` : named;
}

/**
 * Checks a list of conversation IDs before anything is sent to a backend, and returns it typed.
 * Throws `ConversationKitError` with `EMPTY_SELECTION`, `INVALID_CONVERSATION_ID`,
 * `DUPLICATE_CONVERSATION_ID` or `BATCH_TOO_LARGE`, naming the offending IDs.
 */
export function validateConversationIDs(
  input: unknown,
  options: ValidateConversationIDsOptions = {},
): string[] {
  if (!Array.isArray(input)) {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `Expected an array of conversation IDs, got ${describeValue(input)}`,
    );
  }
  if (input.length === 0) {
    throw new ConversationKitError('EMPTY_SELECTION', 'No conversation was given to delete');
  }
  const forms = options.forms ?? ['web', 'native'];
  const accepts = options.accepts ?? ((value: string) => isConversationID(value, forms));
  const invalid = input.filter((value) => typeof value !== 'string' || !accepts(value));
  if (invalid.length > 0) {
    throw new ConversationKitError(
      'INVALID_CONVERSATION_ID',
      `Not a conversation ID: ${describeSome(invalid)}`,
      { conversationIDs: invalid.filter((value): value is string => typeof value === 'string') },
    );
  }
  const ids = input as string[];
  const duplicates = findDuplicates(ids);
  if (duplicates.length > 0) {
    throw new ConversationKitError(
      'DUPLICATE_CONVERSATION_ID',
      `Conversation IDs given more than once: ${describeSome(duplicates)}`,
      { conversationIDs: duplicates },
    );
  }
  if (options.maxCount !== undefined && ids.length > options.maxCount) {
    throw new ConversationKitError(
      'BATCH_TOO_LARGE',
      `At most ${options.maxCount} conversations can be deleted in one call, got ${ids.length}`,
    );
  }
  return ids;
}

/** Checks one conversation ID; throws `INVALID_CONVERSATION_ID` if it is not one. */
export function validateConversationID(
  input: unknown,
  forms: readonly ConversationIdForm[] = ['web', 'native'],
): string {
  return validateConversationIDs([input], { forms })[0] as string;
}

/** The IDs that occur more than once, each named once, in order of first repetition. */
export function findDuplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    else seen.add(id);
  }
  return [...repeated];
}

/**
 * Which of the wanted IDs are in the list. Lists of 100,000 are checked for a few IDs on every
 * change: one pass that stops once all are found, where a Set of the whole list costs ~20 ms.
 */
export function findListedIDs<T>(
  wanted: ReadonlySet<string>,
  list: readonly T[],
  idOf: (item: T) => string,
): Set<string> {
  const listed = new Set<string>();
  for (let index = 0; index < list.length && listed.size < wanted.size; index += 1) {
    const id = idOf(list[index] as T);
    if (wanted.has(id)) listed.add(id);
  }
  return listed;
}

/** The IDs without repeats, first occurrence kept, order kept. */
export function dedupeConversationIDs(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `Chunk size must be a positive integer, got ${size}`,
    );
  }
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}
