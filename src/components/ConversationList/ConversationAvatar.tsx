import { memo } from 'react';
import type { Conversation } from '../../core/types';

const AVATAR_HUES = 12;

/** A stable colour slot from the ID, so the same person keeps the same colour everywhere. */
function hueSlotOf(conversationID: string): number {
  let hash = 0;
  for (let index = 0; index < conversationID.length; index += 1) {
    hash = (hash * 31 + conversationID.charCodeAt(index)) | 0;
  }
  return Math.abs(hash) % AVATAR_HUES;
}

// Two-letter initials are a Latin-script habit: CJK names show their first character, and Arabic
// letters would join into a word fragment, so those get one letter too.
const singleLetterScripts =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}]/u;

// The first character as a person sees it: a letter with its combining marks, or a flag.
const firstCharacter = /^(?:\p{RI}\p{RI}|\P{M}\p{M}*)/u;

/** Up to two letters from the name's words, each kept whole with its accents. */
function initialsOf(displayName: string): string {
  // Numbers ("Bruno Costa 2") and symbols are not initials.
  const words = displayName
    .trim()
    .split(/\s+/u)
    .filter((word) => /^\p{L}/u.test(word));
  const first = (word: string) => word.match(firstCharacter)?.[0] ?? '';
  if (words.length === 0) return '?';
  if (words.length === 1 || singleLetterScripts.test(displayName)) {
    return first(words[0] as string).toLocaleUpperCase();
  }
  return (first(words[0] as string) + first(words[words.length - 1] as string)).toLocaleUpperCase();
}

export interface ConversationAvatarProps {
  conversation: Pick<Conversation, 'conversationID' | 'displayName' | 'avatarUrl'>;
}

/**
 * The avatar image, or initials on a colour derived from the ID. Decorative: the name is read.
 * Memoized: the row content re-renders every minute for its time, the avatar only with its row.
 */
export const ConversationAvatar = memo(function ConversationAvatar(props: ConversationAvatarProps) {
  const { conversationID, displayName, avatarUrl } = props.conversation;
  if (avatarUrl) {
    return <img className="ck-avatar" src={avatarUrl} alt="" loading="lazy" decoding="async" />;
  }
  return (
    <span className="ck-avatar" aria-hidden="true" data-hue={hueSlotOf(conversationID)}>
      {initialsOf(displayName)}
    </span>
  );
});
