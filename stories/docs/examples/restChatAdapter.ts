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

  /** One result per ID asked for, in the same order: an ID the answer does not mention failed. */
  async function deleteMany(conversationIDs: string[], clearMessage: boolean) {
    const answer = await call<DeleteAnswer>('/conversations/delete', {
      conversationIDs,
      clearMessage,
      deviceID,
    });
    const deleted = new Set(answer.deleted);
    const failures = new Map(answer.failed.map((failure) => [failure.conversationID, failure]));
    return conversationIDs.map((conversationID): DeleteResult => {
      if (deleted.has(conversationID)) return { conversationID, ok: true, code: 0, message: '' };
      const failure = failures.get(conversationID);
      return {
        conversationID,
        ok: false,
        code: failure?.code ?? -1,
        message: failure?.message ?? 'Not deleted',
      };
    });
  }

  return {
    capabilities: { maxBatchSize: 100, keepHistory: true },
    accountID: userID,
    getConversationList: () => call<Conversation[]>('/conversations'),
    async deleteConversation(conversationID) {
      const [result] = await deleteMany([conversationID], true);
      return result as DeleteResult;
    },
    deleteConversationList: (conversationIDs, { clearMessage }) =>
      deleteMany(conversationIDs, clearMessage),
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
