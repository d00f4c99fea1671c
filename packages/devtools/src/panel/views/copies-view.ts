import { h, table } from '../dom';
import { plural } from '../format';
import type { PanelData, View } from './view';

/** The copies of @mfe-bus/core that attached to the bus (each remote may bundle its own), with versions. */
export function copiesView(): View {
  const element = h('div');
  return {
    element,
    update({ snapshot }: PanelData) {
      const { copies } = snapshot;
      const versions = new Set(copies.map(({ version }) => version));
      element.replaceChildren(
        h(
          'p',
          { class: versions.size > 1 ? 'warn' : 'muted' },
          `${plural(copies.length, 'copy', 'copies')} of the library, ${plural(versions.size, 'version')}; the bus speaks protocol ${snapshot.protocol}.`,
        ),
        table(
          ['', 'version', 'protocol'],
          copies.map(({ version, protocol }, index) => [
            index === 0 ? 'created the bus' : 'attached',
            version,
            protocol,
          ]),
          'No copy listed.',
        ),
      );
    },
  };
}
