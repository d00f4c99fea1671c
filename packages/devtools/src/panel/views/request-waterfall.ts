import type { RequestEntry } from '../../recorder/entries';
import { h } from '../dom';
import { appName, duration } from '../format';

/**
 * One row per step, each with a bar from the previous step to this one on the call's time scale.
 * Bars are placed with CSS custom properties set through the CSSOM, which a strict CSP allows.
 */
export function requestWaterfall({ steps, durationMs }: RequestEntry): HTMLElement {
  const scale = Math.max(durationMs, ...steps.map((step) => step.durationMs), 1);
  let previous = 0;
  return h(
    'ol',
    { class: 'waterfall', 'aria-label': 'Steps' },
    ...steps.map((step) => {
      const bar = h('i');
      bar.style.setProperty('--from', String((previous / scale) * 100));
      bar.style.setProperty('--to', String((step.durationMs / scale) * 100));
      previous = step.durationMs;
      return h(
        'li',
        {},
        h('span', {}, `${step.step} `, h('span', { class: 'muted' }, appName(step.app))),
        h('span', { class: 'bar' }, bar),
        h('span', {}, duration(step.durationMs)),
      );
    }),
  );
}
