import { appStats } from '../app-stats';
import { h, table } from '../dom';
import { appName, clock, duration } from '../format';
import type { PanelData, View } from './view';

/**
 * Per app (scope): its live registrations, when it showed up, its listener errors and the latency of the
 * requests it served. An app whose registrations grow across remounts is flagged.
 */
export function appsView(): View {
  const element = h('div');
  return {
    element,
    update({ entries, snapshot }: PanelData) {
      const rows = appStats(entries, snapshot.apps).map(({ app, live, firstSeen, listenerErrors, served, leak }) => [
        h('strong', {}, appName(app)),
        String(live.subscribers),
        String(live.watchers),
        String(live.providers),
        String(live.pending),
        h('strong', {}, String(live.subscribers + live.watchers + live.providers + live.pending)),
        firstSeen === undefined ? '' : clock(firstSeen),
        String(listenerErrors),
        served ? `${duration(served.median)} / ${duration(served.p95)} (${served.count})` : '',
        leak ? h('span', { class: 'warn', role: 'note' }, `⚠ likely leak: ${leak}`) : '',
      ]);
      element.replaceChildren(
        table(
          [
            'app',
            'subscribers',
            'watchers',
            'providers',
            'pending',
            'live',
            'first seen',
            'listener errors',
            'served median / p95',
            '',
          ],
          rows,
          'No app has registered anything yet.',
        ),
      );
    },
  };
}
