// A fake Sendbird backend for the Sendbird adapter's tests: one account signed in on several
// devices, each a fake of the SDK instance (`SendbirdGroupChat`) typed by the SDK's own .d.ts.
//
// Why a fake and not the real SDK against a local server, as for Stream: the SDK signs in and
// receives events over a WebSocket protocol of its own (commands such as a login frame and a
// session key) that Sendbird does not document, and its licence forbids reverse engineering or
// decompiling the SDK to learn it. Its REST API is public, its client protocol is not. So the
// parts of the real SDK that run without a server run in the tests (`SendbirdChat.init`, its
// handler classes, which the adapter must use, and its refusal of anything else), and this fake
// stands in for what needs Sendbird's servers: listing, hiding and the handlers' callbacks.
//
// What the fake does as Sendbird documents it: `hide({hidePreviousMessages, allowAutoUnhide})`
// hides the channel for the user on every device (`onChannelHidden` to every device's handlers)
// and clears the history when asked; a message to a channel hidden with `allowAutoUnhide` shows
// it again (`onChannelChanged`, then `onMessageReceived`); an unknown channel URL fails with
// 400201; while offline every call fails with 800120 (network error).
import { ConnectionHandler, type SendbirdError } from '@sendbird/chat';
import {
  type GroupChannel,
  GroupChannelHandler,
  type GroupChannelHideParams,
  type GroupChannelListQueryParams,
  type Member,
  type SendbirdGroupChat,
} from '@sendbird/chat/groupChannel';
import type { SendbirdChatInstance } from '../../../src/adapters/sendbird';

/** The fields of the SDK's `GroupChannel` the fake fills (the SDK's class has dozens more). */
type FakeGroupChannel = Pick<
  GroupChannel,
  | 'url'
  | 'name'
  | 'coverUrl'
  | 'isDistinct'
  | 'memberCount'
  | 'members'
  | 'unreadMessageCount'
  | 'lastMessage'
  | 'isHidden'
  | 'hide'
  | 'isGroupChannel'
>;

/**
 * What a device's group channel module offers: the SDK's methods the adapter calls, with the SDK's
 * parameter types (method syntax, as in the SDK's class, so handlers compare as the SDK's do).
 */
interface FakeGroupChannelModule {
  createMyGroupChannelListQuery(params?: GroupChannelListQueryParams): {
    readonly hasNext: boolean;
    next(): Promise<FakeGroupChannel[]>;
  };
  getChannel(channelUrl: string): Promise<GroupChannel>;
  addGroupChannelHandler(key: string, handler: GroupChannelHandler): void;
  removeGroupChannelHandler(key: string): void;
}

export interface FakeChannelInit {
  url: string;
  name?: string;
  /** Member user IDs; the account's own user is added when missing. */
  members: string[];
  isDistinct?: boolean;
  messages?: string[];
}

interface StoredChannel {
  url: string;
  name: string;
  members: string[];
  isDistinct: boolean;
  messages: Array<{ text: string; createdAt: number }>;
  hidden: 'no' | 'auto-unhide' | 'stay-hidden';
  clearedCount: number;
}

export class FakeSendbirdAccount {
  readonly userId: string;
  private readonly channels = new Map<string, StoredChannel>();
  private readonly devices: FakeSendbirdDevice[] = [];
  private clock = Date.UTC(2026, 0, 1);
  online = true;
  /** Failures the next hide of a channel answers with, by URL. */
  readonly hideFailures = new Map<string, { code: number; message: string }>();
  /** Every hide the backend received, in order. */
  readonly hides: Array<{ url: string; hidePreviousMessages: boolean; allowAutoUnhide: boolean }> =
    [];

  constructor(userId: string, channels: readonly FakeChannelInit[]) {
    this.userId = userId;
    for (const init of channels) {
      this.channels.set(init.url, {
        url: init.url,
        // Sendbird's default name for a channel created without one.
        name: init.name ?? 'Group Channel',
        members: init.members.includes(userId) ? [...init.members] : [userId, ...init.members],
        isDistinct: init.isDistinct ?? false,
        messages: (init.messages ?? []).map((text) => ({ text, createdAt: this.tick() })),
        hidden: 'no',
        clearedCount: 0,
      });
    }
  }

  private tick(): number {
    this.clock += 1000;
    return this.clock;
  }

  /** A new device signed in to the account: an SDK instance after `connect`. */
  connect(): FakeSendbirdDevice {
    const device = new FakeSendbirdDevice(this);
    this.devices.push(device);
    return device;
  }

  historyLength(url: string): number {
    const channel = this.channels.get(url);
    return channel ? channel.messages.length - channel.clearedCount : 0;
  }

  isHidden(url: string): boolean {
    return this.channels.get(url)?.hidden !== 'no';
  }

  /** A message from another member arrives; an auto-unhide channel shows again. */
  addMessage(url: string, text: string): void {
    const channel = this.stored(url);
    channel.messages.push({ text, createdAt: this.tick() });
    if (channel.hidden === 'auto-unhide') channel.hidden = 'no';
    for (const device of this.devices) {
      const view = this.view(channel);
      device.emit((handler) => handler.onChannelChanged?.(view as GroupChannel));
      device.emit((handler) =>
        handler.onMessageReceived?.(view as GroupChannel, view.lastMessage as never),
      );
    }
  }

  /** The channel is deleted for everybody. */
  deleteChannel(url: string): void {
    this.channels.delete(url);
    for (const device of this.devices) {
      device.emit((handler) => handler.onChannelDeleted?.(url, 'group' as never));
    }
  }

  /** Offline, every device's calls fail with 800120 and its connection handlers hear it. */
  setOnline(online: boolean): void {
    this.online = online;
    for (const device of this.devices) device.emitConnection(online);
  }

  listVisible(): FakeGroupChannel[] {
    return [...this.channels.values()]
      .filter((channel) => channel.hidden === 'no')
      .sort((a, b) => (b.messages.at(-1)?.createdAt ?? 0) - (a.messages.at(-1)?.createdAt ?? 0))
      .map((channel) => this.view(channel));
  }

  findChannel(url: string): FakeGroupChannel {
    return this.view(this.stored(url));
  }

  private stored(url: string): StoredChannel {
    const channel = this.channels.get(url);
    if (!channel) throw sendbirdError(400201, `Channel "${url}" not found.`);
    return channel;
  }

  async hide(url: string, params: GroupChannelHideParams): Promise<FakeGroupChannel> {
    this.failIfOffline();
    const failure = this.hideFailures.get(url);
    if (failure) {
      this.hideFailures.delete(url);
      throw sendbirdError(failure.code, failure.message);
    }
    const channel = this.stored(url);
    const hidePreviousMessages = params.hidePreviousMessages ?? false;
    const allowAutoUnhide = params.allowAutoUnhide ?? true;
    this.hides.push({ url, hidePreviousMessages, allowAutoUnhide });
    channel.hidden = allowAutoUnhide ? 'auto-unhide' : 'stay-hidden';
    if (hidePreviousMessages) channel.clearedCount = channel.messages.length;
    const view = this.view(channel);
    for (const device of this.devices) {
      device.emit((handler) => handler.onChannelHidden?.(view as GroupChannel));
    }
    return view;
  }

  failIfOffline(): void {
    if (!this.online) throw sendbirdError(800120, 'Connection failed.');
  }

  private view(channel: StoredChannel): FakeGroupChannel {
    const last = channel.messages.at(-1);
    const visible = channel.messages.slice(channel.clearedCount);
    const account = this;
    const members = channel.members.map(
      (userId) =>
        ({ userId, nickname: userId === 'bob' ? 'Bob' : userId, profileUrl: '' }) as Member,
    );
    return {
      url: channel.url,
      name: channel.name,
      coverUrl: '',
      isDistinct: channel.isDistinct,
      memberCount: channel.members.length,
      members,
      unreadMessageCount: visible.length,
      lastMessage:
        visible.length > 0 && last
          ? ({ message: last.text, createdAt: last.createdAt } as GroupChannel['lastMessage'])
          : null,
      isHidden: channel.hidden !== 'no',
      hide(params: GroupChannelHideParams) {
        return account.hide(channel.url, params) as unknown as Promise<GroupChannel>;
      },
      isGroupChannel(): this is GroupChannel {
        return true;
      },
    };
  }
}

function sendbirdError(code: number, message: string): SendbirdError {
  return Object.assign(new Error(message), { code, name: 'SendbirdError' }) as SendbirdError;
}

/** One device: the part of an SDK instance the adapter uses, with the SDK's handler classes. */
export class FakeSendbirdDevice {
  private readonly account: FakeSendbirdAccount;
  private readonly channelHandlers = new Map<string, GroupChannelHandler>();
  private readonly connectionHandlers = new Map<string, ConnectionHandler>();
  signedIn = true;

  constructor(account: FakeSendbirdAccount) {
    this.account = account;
  }

  get currentUser(): SendbirdGroupChat['currentUser'] {
    return this.signedIn
      ? ({ userId: this.account.userId } as SendbirdGroupChat['currentUser'])
      : null;
  }

  readonly groupChannel: FakeGroupChannelModule = {
    createMyGroupChannelListQuery: (params?: GroupChannelListQueryParams) => {
      const pageSize = params?.limit ?? 20;
      let offset = 0;
      let hasNext = true;
      return {
        get hasNext() {
          return hasNext;
        },
        next: async () => {
          this.account.failIfOffline();
          const all = this.account.listVisible();
          const page = all.slice(offset, offset + pageSize);
          offset += pageSize;
          hasNext = offset < all.length;
          return page;
        },
      };
    },
    getChannel: async (url: string) => {
      this.account.failIfOffline();
      return this.account.findChannel(url) as GroupChannel;
    },
    addGroupChannelHandler: (key: string, handler: GroupChannelHandler) => {
      // As the real SDK does: anything but its own handler class is an invalid parameter.
      if (!(handler instanceof GroupChannelHandler))
        throw sendbirdError(800110, 'Invalid parameters.');
      this.channelHandlers.set(key, handler);
    },
    removeGroupChannelHandler: (key: string) => {
      this.channelHandlers.delete(key);
    },
  };

  addConnectionHandler(key: string, handler: ConnectionHandler): void {
    if (!(handler instanceof ConnectionHandler)) throw sendbirdError(800110, 'Invalid parameters.');
    this.connectionHandlers.set(key, handler);
  }

  removeConnectionHandler(key: string): void {
    this.connectionHandlers.delete(key);
  }

  emit(call: (handler: GroupChannelHandler) => void): void {
    for (const handler of [...this.channelHandlers.values()]) call(handler);
  }

  emitConnection(online: boolean): void {
    for (const handler of [...this.connectionHandlers.values()]) {
      if (online) handler.onReconnectSucceeded?.();
      else handler.onReconnectStarted?.();
    }
  }

  get handlerCount(): number {
    return this.channelHandlers.size + this.connectionHandlers.size;
  }

  /** This device as the adapter takes it: the fake's SDK-typed members fit the kit's types. */
  asInstance(): SendbirdChatInstance {
    return this;
  }
}
