/** Stable string codes of the errors the kit throws or rejects with. */
export type ConversationKitErrorCode =
  /** A deletion was asked for with no conversation in it. */
  | 'EMPTY_SELECTION'
  /** An ID is not a string, or not a conversation ID of a known form. */
  | 'INVALID_CONVERSATION_ID'
  /** The same ID appears more than once in one request. */
  | 'DUPLICATE_CONVERSATION_ID'
  /** An ID is not in the conversation list the request was checked against. */
  | 'UNKNOWN_CONVERSATION_ID'
  /** More IDs than the backend accepts in one call. */
  | 'BATCH_TOO_LARGE'
  /** An argument other than the IDs is wrong (a batch size, an options object). */
  | 'INVALID_ARGUMENT'
  /** The adapter does not declare what the kit relies on (capabilities, methods). */
  | 'INVALID_ADAPTER'
  /** The backend failed for a reason it did not classify; see `sdkCode`. */
  | 'ADAPTER_FAILED'
  /** The backend is not ready yet (SDK 2999). */
  | 'NOT_READY'
  /** The user is not logged in (SDK 2024). */
  | 'NOT_LOGGED_IN'
  /** The network failed (SDK 2800–2805: see `isNetworkFailureCode`). */
  | 'NETWORK'
  /** A hook or component was used outside `ConversationKitProvider`. */
  | 'MISSING_PROVIDER';

/** Numeric codes of Tencent Cloud Chat that the kit knows and carries on `DeleteResult.code`. */
export const SdkCode = {
  OK: 0,
  NOT_LOGGED_IN: 2024,
  CONVERSATION_NOT_FOUND: 2500,
  USER_OR_GROUP_NOT_FOUND: 2501,
  UNRECORDED_CONVERSATION_TYPE: 2502,
  INVALID_CONVERSATION_ID: 2503,
  NETWORK_ERROR: 2800,
  NETWORK_TIMEOUT: 2801,
  NETWORK_UNAVAILABLE: 2805,
  SDK_NOT_READY: 2999,
} as const;

/** The code on a `DeleteResult` whose failure came with no numeric code at all. */
export const UNKNOWN_FAILURE_CODE = -1;

/** What the kit knows of each SDK code: its own code for it, and a readable English reason. */
const knownSdkCodes: Readonly<Record<number, readonly [ConversationKitErrorCode, string]>> = {
  [SdkCode.NOT_LOGGED_IN]: ['NOT_LOGGED_IN', 'Not logged in'],
  [SdkCode.CONVERSATION_NOT_FOUND]: ['UNKNOWN_CONVERSATION_ID', 'Conversation not found'],
  [SdkCode.USER_OR_GROUP_NOT_FOUND]: ['ADAPTER_FAILED', 'User or group not found'],
  [SdkCode.UNRECORDED_CONVERSATION_TYPE]: ['ADAPTER_FAILED', 'Conversation type is not recorded'],
  [SdkCode.INVALID_CONVERSATION_ID]: ['INVALID_CONVERSATION_ID', 'Invalid conversation ID'],
  [SdkCode.NETWORK_ERROR]: ['NETWORK', 'Network error'],
  [SdkCode.NETWORK_TIMEOUT]: ['NETWORK', 'Network timeout'],
  [SdkCode.NETWORK_UNAVAILABLE]: ['NETWORK', 'Network unavailable'],
  [SdkCode.SDK_NOT_READY]: ['NOT_READY', 'Chat SDK is not ready'],
};

/**
 * The range of Tencent Cloud Chat's network codes: SDK 3.x names 2800 (error), 2801 (timeout) and
 * 2805 (no network); the codes between belong to the same network range of older SDKs.
 */
const NETWORK_CODES = { first: 2800, last: 2805 } as const;

/**
 * Whether a backend code (a `DeleteResult.code`, a `ConversationKitError.sdkCode`) says the
 * network failed: Tencent Cloud Chat's 2800–2805. Such a failure says nothing about the
 * conversation: the same call may succeed once the device is back online, so it is retried
 * rather than rolled back. Every other code, the unknown one (-1) included, is not a network failure.
 */
export function isNetworkFailureCode(code: number | undefined): boolean {
  return (
    typeof code === 'number' &&
    Number.isInteger(code) &&
    code >= NETWORK_CODES.first &&
    code <= NETWORK_CODES.last
  );
}

/** A readable English reason for a numeric backend code, for results that came without one. */
export function describeSdkCode(code: number): string {
  return knownSdkCodes[code]?.[1] ?? `Failed with code ${code}`;
}

/** Maps a numeric backend code to the kit's string code. */
export function kitCodeForSdkCode(code: number): ConversationKitErrorCode {
  if (isNetworkFailureCode(code)) return 'NETWORK';
  return knownSdkCodes[code]?.[0] ?? 'ADAPTER_FAILED';
}

export interface ConversationKitErrorOptions {
  /** The backend's numeric code, when the error came from the backend. */
  sdkCode?: number;
  /** The IDs the error is about (the malformed ones, the duplicates, the unknown ones). */
  conversationIDs?: readonly string[];
  cause?: unknown;
}

/** The one error type of the kit: `code` is stable and meant for programs, `message` for people. */
export class ConversationKitError extends Error {
  override readonly name = 'ConversationKitError';
  readonly code: ConversationKitErrorCode;
  readonly sdkCode: number | undefined;
  readonly conversationIDs: readonly string[];

  constructor(
    code: ConversationKitErrorCode,
    message: string,
    options: ConversationKitErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.sdkCode = options.sdkCode;
    this.conversationIDs = options.conversationIDs ?? [];
  }
}

/** Whether a value is a `ConversationKitError`, optionally of one code. */
export function isConversationKitError(
  value: unknown,
  code?: ConversationKitErrorCode,
): value is ConversationKitError {
  return value instanceof ConversationKitError && (code === undefined || value.code === code);
}

/** Reads `{code, message}` off whatever a backend threw (SDK error objects, `Error`s, strings). */
export function readBackendFailure(error: unknown): { code: number; message: string } {
  if (error instanceof ConversationKitError) {
    return { code: error.sdkCode ?? UNKNOWN_FAILURE_CODE, message: error.message };
  }
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const numericCode =
      typeof code === 'number' && Number.isFinite(code) ? code : UNKNOWN_FAILURE_CODE;
    const text =
      typeof message === 'string' && message !== '' ? message : describeSdkCode(numericCode);
    return { code: numericCode, message: text };
  }
  return {
    code: UNKNOWN_FAILURE_CODE,
    message: typeof error === 'string' && error !== '' ? error : 'Unknown failure',
  };
}

/** Turns whatever a backend threw into a `ConversationKitError` (kept as is if it already is one). */
export function toConversationKitError(error: unknown): ConversationKitError {
  if (error instanceof ConversationKitError) return error;
  const { code, message } = readBackendFailure(error);
  // The unknown code maps to ADAPTER_FAILED like any code the kit does not know.
  return new ConversationKitError(kitCodeForSdkCode(code), message, {
    sdkCode: code === UNKNOWN_FAILURE_CODE ? undefined : code,
    cause: error,
  });
}
