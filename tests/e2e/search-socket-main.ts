// The keystroke bench's stand-in for Electron's main process: a Node process of its own that opens the test's
// clinic database with the real core and answers the page's window.api calls over a localhost WebSocket. Not the
// Playwright worker: that process also drives the browser (every key press is a CDP round trip, and it collects
// its own garbage after seeding 100,000 patients), so a socket served there queues behind it; Electron's main
// process does no such work. Run by startSocketMain() in search-socket.ts; prints "READY <url>" once serving.
import { resolve } from 'node:path';
import { openCore } from '../../src/main/core';
import { attachSocketTransport, ECHO_CHANNEL } from './search-socket';
import { startRendererServer } from './support/static-server';

async function main(): Promise<void> {
  const [dataDir, senderId, username, password] = process.argv.slice(2);
  if (!dataDir || !senderId || !username || !password) throw new Error('usage: search-socket-main <dataDir> <senderId> <username> <password>');
  const core = openCore({ dataDir, migrationsFolder: resolve(__dirname, '../../drizzle') });
  const caller = { senderId, trusted: true };
  // This process keeps its own sessions, as main does: sign the page's window in here too.
  const signedIn = await core.dispatch('auth.signIn', { username, password }, caller);
  if (!signedIn.ok) throw new Error(`sign-in in the socket process failed: ${signedIn.error.code}`);
  // Same origin as the page, so the Content-Security-Policy's connect-src 'self' admits the socket.
  const { url, server } = await startRendererServer();
  const closeSockets = attachSocketTransport(server, (channel, input) =>
    // The bare echo answers without the dispatcher: what the transport alone costs.
    channel === ECHO_CHANNEL ? Promise.resolve({ ok: true, data: input }) : core.dispatch(channel, input, caller),
  );
  const stop = () => {
    closeSockets();
    server.close();
    core.close();
    process.exit(0);
  };
  // The test process holds our stdin: when it ends (or dies), so do we.
  process.stdin.on('end', stop).resume();
  process.on('SIGTERM', stop);
  process.stdout.write(`READY ${url}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
