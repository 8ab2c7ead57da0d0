import { describe, expect, it } from 'vitest';
import {
  ConversationKitError,
  chunk,
  dedupeConversationIDs,
  findDuplicates,
  isConversationID,
  parseConversationID,
  validateConversationID,
  validateConversationIDs,
} from '../../src/core';

function captureError(run: () => unknown): ConversationKitError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConversationKitError) return error;
    throw error;
  }
  throw new Error('expected a ConversationKitError');
}

describe('conversation IDs', () => {
  it('reads the type of Web SDK and native IDs', () => {
    expect(parseConversationID('C2Calice')).toEqual({ type: 'C2C', form: 'web', peerID: 'alice' });
    expect(parseConversationID('GROUP@TGS#1abc')).toEqual({
      type: 'GROUP',
      form: 'web',
      peerID: '@TGS#1abc',
    });
    expect(parseConversationID('@TIM#SYSTEM')).toEqual({ type: 'SYSTEM', form: 'web', peerID: '' });
    expect(parseConversationID('c2c_alice')).toEqual({
      type: 'C2C',
      form: 'native',
      peerID: 'alice',
    });
    expect(parseConversationID('group_team')).toEqual({
      type: 'GROUP',
      form: 'native',
      peerID: 'team',
    });
  });

  it.each([
    ['an empty string', ''],
    ['a bare prefix', 'C2C'],
    ['a bare group prefix', 'GROUP'],
    ['an unknown prefix', 'USERalice'],
    ['a lowercase web prefix', 'c2calice'],
    ['whitespace inside', 'C2Cal ice'],
    ['a newline', 'C2Calice\n'],
    ['a control character', 'C2Cali\u0000ce'],
    ['an overlong peer ID', `C2C${'a'.repeat(129)}`],
    ['a number', 42],
    ['null', null],
    ['an object', { conversationID: 'C2Calice' }],
  ])('refuses %s', (_label, value) => {
    expect(parseConversationID(value)).toBeNull();
    expect(isConversationID(value)).toBe(false);
  });

  it('accepts only the forms a backend asks for', () => {
    expect(isConversationID('c2c_alice', ['web'])).toBe(false);
    expect(isConversationID('C2Calice', ['web'])).toBe(true);
    expect(isConversationID('C2Calice', ['native'])).toBe(false);
  });
});

describe('validateConversationIDs', () => {
  it('returns a valid list unchanged', () => {
    expect(validateConversationIDs(['C2Ca', 'GROUPb', '@TIM#SYSTEM'])).toEqual([
      'C2Ca',
      'GROUPb',
      '@TIM#SYSTEM',
    ]);
  });

  it('refuses an empty list with EMPTY_SELECTION', () => {
    expect(captureError(() => validateConversationIDs([])).code).toBe('EMPTY_SELECTION');
  });

  it('refuses something that is not a list with INVALID_ARGUMENT', () => {
    expect(captureError(() => validateConversationIDs('C2Ca')).code).toBe('INVALID_ARGUMENT');
  });

  it('names the malformed and non-string IDs', () => {
    const error = captureError(() => validateConversationIDs(['C2Ca', 'nope', 7, 'C2C']));
    expect(error.code).toBe('INVALID_CONVERSATION_ID');
    expect(error.conversationIDs).toEqual(['nope', 'C2C']);
    expect(error.message).toContain('"nope"');
    expect(error.message).toContain('a number');
  });

  it('names the duplicates once each', () => {
    const error = captureError(() => validateConversationIDs(['C2Ca', 'C2Cb', 'C2Ca', 'C2Ca']));
    expect(error.code).toBe('DUPLICATE_CONVERSATION_ID');
    expect(error.conversationIDs).toEqual(['C2Ca']);
  });

  it('refuses more IDs than the backend takes with BATCH_TOO_LARGE', () => {
    const ids = Array.from({ length: 101 }, (_, index) => `C2Cu${index}`);
    expect(captureError(() => validateConversationIDs(ids, { maxCount: 100 })).code).toBe(
      'BATCH_TOO_LARGE',
    );
    expect(validateConversationIDs(ids.slice(0, 100), { maxCount: 100 })).toHaveLength(100);
  });

  it('checks a single ID', () => {
    expect(validateConversationID('GROUPteam')).toBe('GROUPteam');
    expect(captureError(() => validateConversationID(undefined)).code).toBe(
      'INVALID_CONVERSATION_ID',
    );
  });
});

describe('chunk and de-duplication', () => {
  it('splits 250 IDs into 100, 100 and 50', () => {
    const ids = Array.from({ length: 250 }, (_, index) => `C2Cu${index}`);
    const chunks = chunk(ids, 100);
    expect(chunks.map((part) => part.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(ids);
  });

  it('gives no chunk for no items', () => {
    expect(chunk([], 100)).toEqual([]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(captureError(() => chunk(['a'], 0)).code).toBe('INVALID_ARGUMENT');
    expect(captureError(() => chunk(['a'], 1.5)).code).toBe('INVALID_ARGUMENT');
  });

  it('keeps first occurrences in order', () => {
    expect(dedupeConversationIDs(['C2Cb', 'C2Ca', 'C2Cb', 'C2Cc', 'C2Ca'])).toEqual([
      'C2Cb',
      'C2Ca',
      'C2Cc',
    ]);
    expect(findDuplicates(['C2Cb', 'C2Ca', 'C2Cb', 'C2Cc', 'C2Ca'])).toEqual(['C2Cb', 'C2Ca']);
  });
});
