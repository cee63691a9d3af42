import browser from 'webextension-polyfill';
import type { MessageType, RequestOf, ResponseOf } from './protocol.js';

/** Send a typed message to the service worker. */
export function sendMessage<K extends MessageType>(type: K, body: RequestOf<K>): Promise<ResponseOf<K>> {
  return browser.runtime.sendMessage({ type, body }) as Promise<ResponseOf<K>>;
}
