// The demo's live endpoints, behind serve.mjs:
//   GET  /live/sse        server-sent events (resumes after `Last-Event-ID` or `?lastEventId=`)
//   GET  /live/ws         a WebSocket (the `ws` package); the client's first message is
//                         { type: 'resume', lastEventId, topics }, and it is sent what it missed
//   POST /live/announce   pushes an `announcement` to every connected page (JSON body { text }, optional)
//   POST /live/ban        pushes a `ban` of a user (JSON body { userId, name }, optional)
//   GET  /live/stats      { open, sse, ws, connections: [{ transport, lastEventId, token }] } for the tests
// Every pushed event gets an increasing id and goes to a log: with LIVE_LOG=<file> the log is a JSON-lines
// file that survives a restart, so a page reconnecting to the restarted server gets what it missed.
// LIVE_INTERVAL_MS (default 20000; 0: never) pushes an announcement on a timer, and every third time a ban.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const KEEP = 1000;
const DEMO_USER = { userId: 'u-42', name: 'Ada Lovelace' };
const STRANGERS = ['Mallory', 'Trudy', 'Eve'];

/** The body of a POST as JSON (an empty or invalid body is `{}`). */
async function jsonBody(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

export function createLiveHub({
  logFile = process.env.LIVE_LOG,
  intervalMs = Number(process.env.LIVE_INTERVAL_MS ?? 20_000),
} = {}) {
  const log =
    logFile && existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  const streams = new Set();
  const sockets = new WebSocketServer({ noServer: true });
  const connections = [];
  let ticks = 0;

  const lastId = () => log.at(-1)?.id ?? 0;
  /** What a client that saw event `lastEventId` missed; a client that saw none gets only what comes next. */
  const missed = (lastEventId, since = lastId()) => {
    const seen = lastEventId === undefined || lastEventId === null || lastEventId === '' ? since : Number(lastEventId);
    return log.filter(({ id }) => id > seen);
  };
  const sseText = ({ id, message }) => `id: ${id}\ndata: ${JSON.stringify(message)}\n\n`;
  const wsText = ({ id, message }) => JSON.stringify({ id, ...message });

  function push(message) {
    const event = { id: lastId() + 1, message };
    log.push(event);
    if (log.length > KEEP) log.shift();
    if (logFile) appendFileSync(logFile, `${JSON.stringify(event)}\n`);
    for (const response of streams) response.write(sseText(event));
    for (const socket of sockets.clients) if (socket.resumed) socket.send(wsText(event));
    return event;
  }

  function openStream(request, response, url) {
    const lastEventId = request.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? undefined;
    connections.push({ transport: 'sse', lastEventId: lastEventId || null, token: url.searchParams.get('token') });
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(': connected\n\n'); // sends the headers now: the EventSource opens
    for (const event of missed(lastEventId)) response.write(sseText(event));
    streams.add(response);
    request.on('close', () => streams.delete(response));
  }

  function acceptSocket(socket, url) {
    const since = lastId();
    socket.once('message', (data) => {
      let lastEventId;
      try {
        ({ lastEventId } = JSON.parse(String(data)));
      } catch {}
      connections.push({ transport: 'ws', lastEventId: lastEventId ?? null, token: url.searchParams.get('token') });
      for (const event of missed(lastEventId, since)) socket.send(wsText(event));
      socket.resumed = true;
    });
  }

  const timer =
    intervalMs > 0
      ? setInterval(() => {
          ticks += 1;
          if (ticks % 3 === 0) push({ type: 'ban', userId: `u-${ticks}`, name: STRANGERS[ticks % STRANGERS.length] });
          else push({ type: 'announcement', text: `Scheduled announcement #${ticks}` });
        }, intervalMs)
      : undefined;
  timer?.unref();

  const answer = (response, status, body) =>
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

  return {
    push,
    /** Handles `/live/...` requests; false for any other path. */
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const route = `${request.method} ${url.pathname}`;
      if (!url.pathname.startsWith('/live/')) return false;
      if (route === 'GET /live/sse') openStream(request, response, url);
      else if (route === 'GET /live/stats') {
        answer(response, 200, {
          open: streams.size + sockets.clients.size,
          sse: streams.size,
          ws: sockets.clients.size,
          connections,
        });
      } else if (route === 'POST /live/announce') {
        jsonBody(request).then(({ text = `Announcement at ${new Date().toLocaleTimeString('en-GB')}` }) =>
          answer(response, 200, push({ type: 'announcement', text })),
        );
      } else if (route === 'POST /live/ban') {
        jsonBody(request).then(({ userId = DEMO_USER.userId, name = DEMO_USER.name }) =>
          answer(response, 200, push({ type: 'ban', userId, name })),
        );
      } else answer(response, 404, { error: `no ${route}` });
      return true;
    },
    /** The server's `upgrade` listener: WebSockets at /live/ws. */
    upgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== '/live/ws') {
        socket.destroy();
        return;
      }
      sockets.handleUpgrade(request, socket, head, (client) => acceptSocket(client, url));
    },
    /** Drops every live connection (as a crash or a restart would) and stops the timer. */
    close() {
      clearInterval(timer);
      for (const response of streams) response.destroy();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
