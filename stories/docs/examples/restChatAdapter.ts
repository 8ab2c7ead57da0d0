import {
  type ChatAdapter,
  type Conversation,
  type ConversationEvent,
  ConversationKitError,
  type DeleteResult,
} from 'conversation-kit';

/** Where this example's chat backend lives and who is signed in. */
export interface RestChatOptions {
  baseUrl: string;
  token: string;
  userID: string;
  /** This device, so that its own deletions are not announced as another device's. */
  deviceID: string;
}

/** What the example backend answers to a deletion: the IDs it deleted, and why others failed. */
interface DeleteAnswer {
  deleted: string[];
  failed: Array<{ conversationID: string; code: number; message: string }>;
}

/** Tencent Cloud Chat's "network failed" code: the kit keeps such deletions and sends them again. */
const NETWORK_FAILURE = 2800;
/** Tencent Cloud Chat's "conversation not found": the kit counts it as already deleted. */
const NOT_FOUND = 2500;
const MAX_BATCH_SIZE = 100;

/**
 * The adapter contract: bad input rejects before anything reaches the backend, with the kit's
 * error codes (the conformance suite in `conversation-kit/testing` checks this).
 */
function checkIDs(conversationIDs: unknown): string[] {
  if (!Array.isArray(conversationIDs) || conversationIDs.length === 0) {
    throw new ConversationKitError('EMPTY_SELECTION', 'No conversation was given to delete');
  }
  if (!conversationIDs.every((id) => typeof id === 'string' && /^(C2C|GROUP)\S+$/.test(id))) {
    throw new ConversationKitError('INVALID_CONVERSATION_ID', 'Not a conversation ID');
  }
  if (new Set(conversationIDs).size !== conversationIDs.length) {
    throw new ConversationKitError('DUPLICATE_CONVERSATION_ID', 'A conversation ID is repeated');
  }
  return conversationIDs;
}

/**
 * A `ChatAdapter` over a JSON-over-HTTP chat backend with a server-sent event stream. This
 * backend's conversation IDs are already in the forms the kit accepts (`C2C<user>`,
 * `GROUP<group>`); one with IDs of its own would map them here, both ways.
 */
export function createRestChatAdapter(options: RestChatOptions): ChatAdapter {
  const { baseUrl, token, userID, deviceID } = options;

  async function call<Answer>(path: string, body?: unknown): Promise<Answer> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      // Offline or unreachable: with this code the kit waits for the network instead of
      // rolling the rows back.
      throw new ConversationKitError('NETWORK', 'The chat server cannot be reached', {
        sdkCode: NETWORK_FAILURE,
        cause,
      });
    }
    if (!response.ok) {
      throw new ConversationKitError(
        'ADAPTER_FAILED',
        `The chat server answered ${response.status}`,
        {
          sdkCode: response.status,
        },
      );
    }
    return (await response.json()) as Answer;
  }

  /**
   * One result per ID asked for, in the same order: an ID the answer does not mention failed.
   * Longer lists go in several calls; the promise never rejects for valid input, and nothing
   * throws synchronously (an `async` function turns every throw into a rejection).
   */
  async function deleteMany(ids: unknown, clearMessage: boolean): Promise<DeleteResult[]> {
    const conversationIDs = checkIDs(ids);
    const results: DeleteResult[] = [];
    for (let start = 0; start < conversationIDs.length; start += MAX_BATCH_SIZE) {
      const chunk = conversationIDs.slice(start, start + MAX_BATCH_SIZE);
      results.push(...(await deleteChunk(chunk, clearMessage)));
    }
    return results;
  }

  async function deleteChunk(conversationIDs: string[], clearMessage: boolean) {
    let answer: DeleteAnswer;
    try {
      answer = await call<DeleteAnswer>('/conversations/delete', {
        conversationIDs,
        clearMessage,
        deviceID,
      });
    } catch (error) {
      // A failed call fails each of its IDs, with the reason: the kit rolls back (or, for the
      // network code, waits) exactly those.
      const { sdkCode = -1, message } = error as ConversationKitError;
      return conversationIDs.map((conversationID) => ({
        conversationID,
        ok: false,
        code: sdkCode,
        message,
      }));
    }
    const deleted = new Set(answer.deleted);
    const failures = new Map(answer.failed.map((failure) => [failure.conversationID, failure]));
    return conversationIDs.map((conversationID): DeleteResult => {
      if (deleted.has(conversationID)) return { conversationID, ok: true, code: 0, message: '' };
      const failure = failures.get(conversationID);
      // This backend reports unknown IDs with 404; the kit speaks Tencent's codes.
      const code = failure?.code === 404 ? NOT_FOUND : (failure?.code ?? -1);
      return { conversationID, ok: false, code, message: failure?.message ?? 'Not deleted' };
    });
  }

  return {
    capabilities: { maxBatchSize: MAX_BATCH_SIZE, keepHistory: true },
    accountID: userID,
    getConversationList: () => call<Conversation[]>('/conversations'),
    async deleteConversation(conversationID) {
      // The single delete always clears history, as Tencent's does.
      const [result] = await deleteMany([conversationID], true);
      return result as DeleteResult;
    },
    async deleteConversationList(conversationIDs, listOptions) {
      if (typeof listOptions?.clearMessage !== 'boolean') {
        throw new ConversationKitError('INVALID_ARGUMENT', 'clearMessage must be true or false');
      }
      return deleteMany(conversationIDs, listOptions.clearMessage);
    },
    subscribe(listener: (event: ConversationEvent) => void) {
      const stream = new EventSource(`${baseUrl}/events?token=${encodeURIComponent(token)}`);
      stream.addEventListener('deleted', (message) => {
        const { conversationIDs, deviceID: from } = JSON.parse(message.data) as {
          conversationIDs: string[];
          deviceID: string;
        };
        listener({
          type: 'conversationsDeleted',
          conversationIDs,
          origin: from === deviceID ? 'local' : 'remote',
        });
      });
      stream.addEventListener('updated', (message) => {
        listener({ type: 'conversationsUpdated', conversations: JSON.parse(message.data) });
      });
      return () => stream.close();
    },
  };
}
