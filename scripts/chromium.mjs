// Debian's Chromium and the flags this machine needs (no network beyond loopback), shared by the
// browser tests and the benchmark. Playwright gives every launch a fresh, temporary user-data dir.

/** The Chromium binary: Debian's, unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
