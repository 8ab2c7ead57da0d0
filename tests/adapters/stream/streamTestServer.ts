// A small local stand-in for Stream Chat's API, so that the adapter's tests run the real
// `stream-chat` SDK (its REST calls through axios, its WebSocket, its event handling and channel
// state) without reaching Stream. It answers what the adapter uses, in the shapes of Stream's
// public REST documentation and of what the SDK's source reads:
//
// - WebSocket `GET /connect?json={user_id,…}`: the first frame is `health.check` with a
//   `connection_id` and `me` (the SDK resolves `connectUser` on it); pings are answered.
// - `POST /channels` (queryChannels): filters `{type, members: {$in}}` or `{cid: {$in}, members}`,
//   `limit`/`offset`, hidden channels left out; `watch: true` makes the connection a watcher.
// - `POST /channels/{type}/{id}/hide` `{user_id, clear_history}`: hides for that user, clears
//   their history when asked, and sends `channel.hidden` to every connection of the user.
// - Test controls: a message arriving (unhides; `message.new` to watchers, `notification.message_new`
//   to other members' connections), a channel deleted (`channel.deleted`), a failure for the next
//   hide of a channel, the network going away and coming back.
//
// Not covered: authentication (any token is accepted), permissions, rate limits, pagination of
// messages, `channel.visible` (as `showChannel`, since only `channel.show` sends it), the
// long-poll fallback, and reconnection's state recovery beyond what the SDK does on its own.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamChat } from 'stream-chat';
import { type WebSocket, WebSocketServer } from 'ws';

export const TEST_API_KEY = 'local-test-key';

interface StoredMessage {
  id: string;
  text: string;
  userID: string;
  createdAt: string;
}

interface StoredChannel {
  type: string;
  id: string;
  name?: string;
  members: string[];
  messages: StoredMessage[];
  hiddenFor: Set<string>;
  /** Per user: the number of messages cleared from their history. */
  clearedCount: Map<string, number>;
}

interface Connection {
  id: string;
  userID: string;
  socket: WebSocket;
  watching: Set<string>;
}

export interface SeedChannel {
  type?: string;
  id: string;
  name?: string;
  members: string[];
  messages?: ReadonlyArray<{ text: string; userID: string }>;
}

export interface StreamTestServer {
  readonly baseURL: string;
  /** A new SDK client (`new StreamChat`), connected as `userID` through this server. */
  connectClient(userID: string): Promise<StreamChat>;
  /** A message arrives in a channel from `fromUserID` (a member): it shows the channel again. */
  addMessage(cid: string, text: string, fromUserID?: string): void;
  /** How many messages `userID` still sees in the channel's history. */
  historyLength(cid: string, userID: string): number;
  /** The channel is deleted for everybody (`channel.deleted`). */
  deleteChannel(cid: string): void;
  /**
   * The user shows a hidden channel again from elsewhere (another app of theirs calls
   * `channel.show`): the user's connections hear `channel.visible`.
   */
  showChannel(cid: string, userID: string): void;
  /** The next hide of this channel answers with Stream's error instead. */
  failNextHide(cid: string, failure: { status: number; code: number; message: string }): void;
  /**
   * Offline, every WebSocket is cut, new ones are refused and REST calls get no answer (their
   * socket is destroyed), as when the network is gone; the SDK retries on its own.
   */
  setOnline(online: boolean): void;
  /** Channels hidden for a user. */
  hiddenFor(userID: string): string[];
  /** Every REST call, `METHOD /path`. */
  readonly requests: readonly string[];
  /** The most hide calls the server was answering at one time. */
  readonly mostHidesAtOnce: number;
  close(): Promise<void>;
}

export async function startStreamTestServer(
  seed: readonly SeedChannel[],
): Promise<StreamTestServer> {
  const channels = new Map<string, StoredChannel>();
  let clock = Date.UTC(2026, 0, 1);
  const now = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  let lastID = 0;
  const newID = (prefix: string) => {
    lastID += 1;
    return `${prefix}-${lastID}`;
  };
  for (const channel of seed) {
    const type = channel.type ?? 'messaging';
    channels.set(`${type}:${channel.id}`, {
      type,
      id: channel.id,
      name: channel.name,
      members: [...channel.members],
      messages: (channel.messages ?? []).map((message) => ({
        id: newID('message'),
        text: message.text,
        userID: message.userID,
        createdAt: now(),
      })),
      hiddenFor: new Set(),
      clearedCount: new Map(),
    });
  }
  const connections = new Set<Connection>();
  const failures = new Map<string, { status: number; code: number; message: string }>();
  const requests: string[] = [];
  const clients: StreamChat[] = [];
  let online = true;
  let hidesInFlight = 0;
  let mostHidesAtOnce = 0;

  function visibleMessages(channel: StoredChannel, userID: string): StoredMessage[] {
    return channel.messages.slice(channel.clearedCount.get(userID) ?? 0);
  }

  function messageResponse(channel: StoredChannel, message: StoredMessage) {
    return {
      id: message.id,
      text: message.text,
      type: 'regular',
      cid: `${channel.type}:${channel.id}`,
      user: { id: message.userID, name: message.userID },
      created_at: message.createdAt,
      updated_at: message.createdAt,
      attachments: [],
      mentioned_users: [],
      latest_reactions: [],
      own_reactions: [],
      reaction_counts: {},
      reply_count: 0,
    };
  }

  function channelData(channel: StoredChannel) {
    return {
      id: channel.id,
      type: channel.type,
      cid: `${channel.type}:${channel.id}`,
      ...(channel.name === undefined ? {} : { name: channel.name }),
      member_count: channel.members.length,
      created_at: new Date(Date.UTC(2025, 0, 1)).toISOString(),
      updated_at: new Date(Date.UTC(2025, 0, 1)).toISOString(),
      last_message_at: channel.messages.at(-1)?.createdAt,
      frozen: false,
      disabled: false,
      config: { name: channel.type, read_events: true, typing_events: false, reactions: true },
      own_capabilities: ['read-events', 'send-message'],
    };
  }

  function channelResponse(channel: StoredChannel, userID: string, messageLimit: number) {
    const messages = visibleMessages(channel, userID);
    const member = (id: string) => ({ user_id: id, user: { id, name: id }, role: 'member' });
    return {
      channel: channelData(channel),
      messages: messages.slice(-messageLimit).map((message) => messageResponse(channel, message)),
      members: channel.members.map(member),
      membership: member(userID),
      read: [
        {
          user: { id: userID },
          last_read: new Date(Date.UTC(2024, 0, 1)).toISOString(),
          unread_messages: messages.filter((message) => message.userID !== userID).length,
        },
      ],
      pinned_messages: [],
      watcher_count: 0,
    };
  }

  function send(connection: Connection, event: Record<string, unknown>): void {
    connection.socket.send(JSON.stringify({ created_at: now(), ...event }));
  }

  function channelEventFields(channel: StoredChannel) {
    return {
      cid: `${channel.type}:${channel.id}`,
      channel_id: channel.id,
      channel_type: channel.type,
    };
  }

  function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      let body = '';
      request.on('data', (part) => {
        body += part;
      });
      request.on('end', () => {
        try {
          resolve(body === '' ? {} : JSON.parse(body));
        } catch (error) {
          reject(error);
        }
      });
      request.on('error', reject);
    });
  }

  function answer(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  function apiError(response: ServerResponse, status: number, code: number, message: string) {
    answer(response, status, {
      code,
      message,
      StatusCode: status,
      duration: '0.01ms',
      more_info: '',
    });
  }

  /** The user a REST call acts for: the one of its `connection_id`, as Stream reads it. */
  function userOfRequest(url: URL): string | undefined {
    const connectionID = url.searchParams.get('connection_id');
    for (const connection of connections) {
      if (connection.id === connectionID) return connection.userID;
    }
    return undefined;
  }

  function connectionOf(url: URL): Connection | undefined {
    const connectionID = url.searchParams.get('connection_id');
    return [...connections].find((connection) => connection.id === connectionID);
  }

  function queryChannels(url: URL, body: Record<string, unknown>) {
    const userID = userOfRequest(url);
    const filter = (body.filter_conditions ?? {}) as {
      type?: string;
      cid?: { $in?: string[] };
      members?: { $in?: string[] };
    };
    const limit = typeof body.limit === 'number' ? body.limit : 10;
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const messageLimit = typeof body.message_limit === 'number' ? body.message_limit : 25;
    const memberIDs = filter.members?.$in ?? (userID ? [userID] : []);
    const matching = [...channels.values()]
      .filter((channel) => filter.type === undefined || channel.type === filter.type)
      .filter(
        (channel) => !filter.cid?.$in || filter.cid.$in.includes(`${channel.type}:${channel.id}`),
      )
      .filter((channel) => channel.members.some((member) => memberIDs.includes(member)))
      .filter((channel) => userID === undefined || !channel.hiddenFor.has(userID))
      .sort((a, b) =>
        (b.messages.at(-1)?.createdAt ?? '').localeCompare(a.messages.at(-1)?.createdAt ?? ''),
      );
    const page = matching.slice(offset, offset + limit);
    const connection = connectionOf(url);
    if (body.watch === true && connection) {
      for (const channel of page) connection.watching.add(`${channel.type}:${channel.id}`);
    }
    return {
      channels: page.map((channel) => channelResponse(channel, userID ?? '', messageLimit)),
      duration: '0.01ms',
    };
  }

  const http = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!online) {
      request.socket.destroy();
      return;
    }
    requests.push(`${request.method} ${url.pathname}`);
    try {
      const body = request.method === 'POST' ? await readBody(request) : {};
      if (request.method === 'POST' && url.pathname === '/channels') {
        answer(response, 201, queryChannels(url, body));
        return;
      }
      const hide = /^\/channels\/([^/]+)\/([^/]+)\/hide$/.exec(url.pathname);
      if (request.method === 'POST' && hide) {
        hidesInFlight += 1;
        mostHidesAtOnce = Math.max(mostHidesAtOnce, hidesInFlight);
        // A hide takes a moment, as over a network: calls sent together overlap here too.
        await new Promise((resolve) => setTimeout(resolve, 5));
        hidesInFlight -= 1;
        const cid = `${decodeURIComponent(hide[1] ?? '')}:${decodeURIComponent(hide[2] ?? '')}`;
        const channel = channels.get(cid);
        const userID =
          (typeof body.user_id === 'string' ? body.user_id : undefined) ?? userOfRequest(url);
        const failure = failures.get(cid);
        if (failure) {
          failures.delete(cid);
          apiError(response, failure.status, failure.code, failure.message);
          return;
        }
        if (!channel || !userID || !channel.members.includes(userID)) {
          apiError(response, 404, 16, `Channel "${cid}" does not exist`);
          return;
        }
        channel.hiddenFor.add(userID);
        if (body.clear_history === true) channel.clearedCount.set(userID, channel.messages.length);
        answer(response, 201, { duration: '0.01ms' });
        for (const connection of connections) {
          if (connection.userID !== userID) continue;
          send(connection, {
            type: 'channel.hidden',
            ...channelEventFields(channel),
            channel: channelData(channel),
            user: { id: userID },
            clear_history: body.clear_history === true,
          });
        }
        return;
      }
      apiError(response, 404, 4, `The local test server has no ${request.method} ${url.pathname}`);
    } catch (error) {
      apiError(response, 500, -1, String(error));
    }
  });

  const sockets = new WebSocketServer({
    server: http,
    path: '/connect',
    verifyClient: (_info, accept) => accept(online),
  });
  sockets.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const payload = JSON.parse(url.searchParams.get('json') ?? '{}') as { user_id?: string };
    const userID = payload.user_id ?? '';
    const connection: Connection = { id: newID('connection'), userID, socket, watching: new Set() };
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
    socket.on('message', (data) => {
      // The SDK pings with `[{type: 'health.check', client_id}]`; Stream answers with one.
      if (String(data).includes('health.check')) {
        send(connection, { type: 'health.check', connection_id: connection.id });
      }
    });
    send(connection, {
      type: 'health.check',
      connection_id: connection.id,
      me: {
        id: userID,
        name: userID,
        role: 'user',
        mutes: [],
        channel_mutes: [],
        unread_channels: 0,
        total_unread_count: 0,
      },
    });
  });

  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const baseURL = `http://127.0.0.1:${port}`;

  return {
    baseURL,
    requests,
    get mostHidesAtOnce() {
      return mostHidesAtOnce;
    },
    async connectClient(userID) {
      // `new StreamChat`, not `getInstance`: each device is a client of its own.
      // `allowServerSideConnect`: the SDK warns when `connectUser` runs in Node, as here on purpose.
      const client = new StreamChat(TEST_API_KEY, {
        baseURL,
        timeout: 3000,
        allowServerSideConnect: true,
      });
      clients.push(client);
      await client.connectUser({ id: userID }, client.devToken(userID));
      return client;
    },
    addMessage(cid, text, fromUserID) {
      const channel = channels.get(cid);
      if (!channel) throw new Error(`No channel ${cid}`);
      const sender = fromUserID ?? channel.members[channel.members.length - 1] ?? 'someone';
      const message: StoredMessage = {
        id: newID('message'),
        text,
        userID: sender,
        createdAt: now(),
      };
      channel.messages.push(message);
      // A new message shows the channel again to everyone who hid it.
      channel.hiddenFor.clear();
      for (const connection of connections) {
        if (!channel.members.includes(connection.userID)) continue;
        const fields = {
          ...channelEventFields(channel),
          message: messageResponse(channel, message),
          user: { id: sender },
        };
        if (connection.watching.has(cid)) {
          send(connection, { type: 'message.new', ...fields, watcher_count: 1 });
        } else {
          send(connection, {
            type: 'notification.message_new',
            ...fields,
            channel: channelData(channel),
          });
        }
      }
    },
    historyLength(cid, userID) {
      const channel = channels.get(cid);
      return channel ? visibleMessages(channel, userID).length : 0;
    },
    deleteChannel(cid) {
      const channel = channels.get(cid);
      if (!channel) return;
      channels.delete(cid);
      for (const connection of connections) {
        if (!channel.members.includes(connection.userID)) continue;
        send(connection, {
          type: 'channel.deleted',
          ...channelEventFields(channel),
          channel: channelData(channel),
        });
      }
    },
    showChannel(cid, userID) {
      const channel = channels.get(cid);
      if (!channel) throw new Error(`No channel ${cid}`);
      channel.hiddenFor.delete(userID);
      for (const connection of connections) {
        if (connection.userID !== userID) continue;
        send(connection, {
          type: 'channel.visible',
          ...channelEventFields(channel),
          channel: channelData(channel),
          user: { id: userID },
        });
      }
    },
    failNextHide(cid, failure) {
      failures.set(cid, failure);
    },
    setOnline(value) {
      online = value;
      if (!online) for (const connection of connections) connection.socket.terminate();
    },
    hiddenFor(userID) {
      return [...channels.entries()]
        .filter(([, channel]) => channel.hiddenFor.has(userID))
        .map(([cid]) => cid);
    },
    async close() {
      await Promise.all(clients.map((client) => client.disconnectUser().catch(() => undefined)));
      for (const connection of connections) connection.socket.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
