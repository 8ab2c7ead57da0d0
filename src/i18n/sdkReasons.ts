import { SdkCode } from '../core/errors';
import type { Messages } from './messages';

/** The message that announces the reason of each backend code the kit can word for people. */
const reasonKeys: Readonly<Record<number, keyof Messages>> = {
  [SdkCode.NOT_LOGGED_IN]: 'reasonNotLoggedIn',
  [SdkCode.CONVERSATION_NOT_FOUND]: 'reasonNotFound',
  [SdkCode.NETWORK_ERROR]: 'reasonNetwork',
  [SdkCode.NETWORK_TIMEOUT]: 'reasonNetworkTimeout',
  [SdkCode.NETWORK_UNAVAILABLE]: 'reasonOffline',
  [SdkCode.SDK_NOT_READY]: 'reasonNotReady',
};

/** The message that gives the reason of a backend code in the person's language, if there is one. */
export function reasonKeyOfSdkCode(code: number): keyof Messages | undefined {
  return reasonKeys[code];
}
