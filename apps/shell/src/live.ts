import { connectLive, type LiveStatus, type RouteResult } from '@mfe-bus/live';
import type { Announcement, UserBanned } from '@mfe-bus-demo/contracts';
import { bus, pageBus } from './bus';
import { byTestId, setText } from './dom';

/** What the demo server pushes (apps/shell/scripts/live.mjs). */
type ServerMessage = ({ type: 'announcement' } & Announcement) | ({ type: 'ban' } & UserBanned);

function route(data: unknown): RouteResult {
  const message = data as ServerMessage;
  if (message.type === 'announcement') return { topic: 'admin:announcement', payload: { text: message.text } };
  if (message.type === 'ban')
    return { topic: 'admin:user-banned', payload: { userId: message.userId, name: message.name } };
  return undefined;
}

const describe = ({ state, attempt, leader }: LiveStatus) =>
  [state, state !== 'closed' && !leader ? 'via another tab' : '', attempt ? `attempt ${attempt}` : '']
    .filter(Boolean)
    .join(' · ');

/**
 * One server connection for the whole page (`?liveShare=page`) or, by default, for the whole browser: it opens
 * when a remote subscribes to `admin:*`. `?live=ws` uses the WebSocket endpoint instead of server-sent events.
 */
export function startLive(search: string): void {
  const params = new URLSearchParams(search);
  const websocket = params.get('live') === 'ws';
  connectLive(pageBus, {
    id: 'demo',
    topics: ['admin:*'],
    share: params.get('liveShare') === 'page' ? 'page' : 'tabs',
    auth: true,
    retry: { minDelayMs: 250, maxDelayMs: 2000 },
    open: ({ lastEventId, token }) => {
      const query = new URLSearchParams({ lastEventId: lastEventId ?? '', token: token ?? '' });
      return websocket
        ? new WebSocket(`${location.origin.replace(/^http/, 'ws')}/live/ws?${query}`)
        : new EventSource(`/live/sse?${query}`);
    },
    route: ({ data }) => route(data),
  });

  const status = byTestId('live-status');
  bus.watchState<LiveStatus>(
    'live:demo:status',
    (value) => {
      if (!value) return;
      setText(status, describe(value));
      status.title = value.error ?? '';
    },
    { immediate: true },
  );
  const post = (path: string) => () => void fetch(path, { method: 'POST' });
  byTestId('announce').addEventListener('click', post('/live/announce'));
  byTestId('ban-user').addEventListener('click', post('/live/ban'));
}
