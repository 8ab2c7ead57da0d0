/**
 * Runs `callback` in a task of its own, after the microtasks of the current one: later than any
 * promise chain already running (a backend's chunks), yet without a timer's delay. `setImmediate`
 * where there is one (Node), else a message channel (browsers), else a zero timeout.
 */
export function scheduleTask(callback: () => void): void {
  // Read off globalThis: the kit's own types know no Node globals.
  const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') {
    immediate(callback);
    return;
  }
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
    return;
  }
  setTimeout(callback, 0);
}
