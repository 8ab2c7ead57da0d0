import { Fragment } from 'react';
import type { MessagePart } from '../../i18n/createTranslator';

/**
 * A message of the kit as text, each inserted name or reason in a `<bdi>`: the sentence keeps its
 * own order whatever the direction of what was inserted ("ليلى منصور was deleted on another
 * device"), and its text content stays the plain sentence that screen readers and tests read.
 */
export function Message(props: { parts: readonly MessagePart[] }) {
  return props.parts.map((part, index) => (
    // Parts of one message never move: their position is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    <Fragment key={index}>{part.isolate ? <bdi>{part.text}</bdi> : part.text}</Fragment>
  ));
}
