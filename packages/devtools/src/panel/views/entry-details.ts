import type { TimelineEntry } from '../../recorder/entries';
import { fields, h } from '../dom';
import { appName, duration, json } from '../format';
import { requestWaterfall } from './request-waterfall';

const code = (value: unknown) => h('pre', {}, json(value, 2));
const apps = (list: (string | null)[]) => (list.length ? list.map(appName).join(', ') : 'none');

/** What an expanded timeline entry shows: its data, who received it, its timing. */
export function entryDetails(entry: TimelineEntry): HTMLElement {
  const from = appName(entry.source);
  switch (entry.type) {
    case 'publish':
      return fields([
        ['published by', from],
        ['seq', String(entry.seq)],
        ['received by', apps(entry.receiverApps)],
        ['replayed to', entry.replayedTo.length > 0 && apps(entry.replayedTo)],
        ['buffered for replay', entry.replay ? 'yes' : 'no'],
        ['payload', code(entry.payload)],
      ]);
    case 'state':
      return fields([
        ['written by', from],
        ['previous', code(entry.previous)],
        ['next', code(entry.next)],
      ]);
    case 'request':
      return fields([
        ['started by', from],
        ['provider', appName(entry.provider)],
        ['status', `${entry.status} after ${duration(entry.durationMs)}`],
        ['params', code(entry.params)],
        ['steps', requestWaterfall(entry)],
      ]);
    case 'provide':
    case 'unprovide':
      return fields([
        ['app', from],
        ['cache TTL', duration(entry.ttlMs)],
        ['providers registered', String(entry.registered)],
      ]);
    case 'churn':
      return fields([
        ['app', from],
        ['changes', h('ul', {}, ...entry.changes.map(({ change, name }) => h('li', {}, `${change} ${name}`)))],
      ]);
    case 'listener-error':
      return fields([
        ['app', from],
        ['listener', `${entry.kind} of ${entry.name}`],
        ['error', `${entry.error.name}: ${entry.error.message}`],
      ]);
    case 'dispose':
      return fields([
        ['app', from],
        ['removed', String(entry.removed)],
        ['still held', JSON.stringify(entry.kept)],
      ]);
    default:
      return fields([
        ['app', from],
        ['report', `${entry.report} ${entry.name ?? ''}`],
        ['error', `${entry.error.name}: ${entry.error.message}`],
        ['detail', entry.detail !== undefined && code(entry.detail)],
      ]);
  }
}
