import { describe, expect, it } from 'vitest';
import {
  ConversationKitError,
  describeSdkCode,
  failAll,
  isConversationKitError,
  readBackendFailure,
  toConversationKitError,
  UNKNOWN_FAILURE_CODE,
} from '../../src/core';

describe('ConversationKitError', () => {
  it('is an Error with a stable code', () => {
    const error = new ConversationKitError('EMPTY_SELECTION', 'Nothing selected');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConversationKitError');
    expect(error.code).toBe('EMPTY_SELECTION');
    expect(isConversationKitError(error, 'EMPTY_SELECTION')).toBe(true);
    expect(isConversationKitError(error, 'NETWORK')).toBe(false);
  });

  it.each([
    [2024, 'NOT_LOGGED_IN'],
    [2999, 'NOT_READY'],
    [2800, 'NETWORK'],
    [2801, 'NETWORK'],
    [2805, 'NETWORK'],
    [2503, 'INVALID_CONVERSATION_ID'],
    [2500, 'UNKNOWN_CONVERSATION_ID'],
    [70001, 'ADAPTER_FAILED'],
  ])('turns an SDK error with code %i into %s, keeping the code', (code, kitCode) => {
    const error = toConversationKitError({ code, message: 'from the SDK' });
    expect(error.code).toBe(kitCode);
    expect(error.sdkCode).toBe(code);
    expect(error.message).toBe('from the SDK');
  });

  it('turns anything else into ADAPTER_FAILED without an SDK code', () => {
    const error = toConversationKitError(new TypeError('boom'));
    expect(error.code).toBe('ADAPTER_FAILED');
    expect(error.sdkCode).toBeUndefined();
    expect(error.message).toBe('boom');
  });

  it('reads a code and a reason off what a backend threw', () => {
    expect(readBackendFailure({ code: 2801 })).toEqual({ code: 2801, message: 'Network timeout' });
    expect(readBackendFailure('offline')).toEqual({
      code: UNKNOWN_FAILURE_CODE,
      message: 'offline',
    });
    expect(readBackendFailure(undefined)).toEqual({
      code: UNKNOWN_FAILURE_CODE,
      message: 'Unknown failure',
    });
    expect(describeSdkCode(12345)).toBe('Failed with code 12345');
  });

  it('fails every ID of a rejected call with the same reason', () => {
    expect(failAll(['C2Ca', 'C2Cb'], { code: 2805, message: 'offline' })).toEqual([
      { conversationID: 'C2Ca', ok: false, code: 2805, message: 'offline' },
      { conversationID: 'C2Cb', ok: false, code: 2805, message: 'offline' },
    ]);
  });
});
