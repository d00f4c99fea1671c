import type { ReportEntry, TimelineEntry } from '../../recorder/entries';
import { h, table } from '../dom';
import { appName, clock } from '../format';
import type { ContractsInfo, PanelData, View } from './view';

const isViolation = (entry: TimelineEntry): entry is ReportEntry =>
  entry.type === 'report' && entry.report === 'violation';

/** True when there is something to show: contracts handed to the panel, or a violation on the timeline. */
export const hasContracts = ({ contracts, entries }: PanelData): boolean =>
  contracts !== undefined || entries.some(isViolation);

function contractRows(contracts: ContractsInfo | undefined, violations: ReportEntry[]): string[][] {
  const sections = [
    ['event', contracts?.events],
    ['state', contracts?.state],
    ['request', contracts?.requests],
  ] as const;
  return sections.flatMap(([kind, section]) =>
    Object.entries(section ?? {}).map(([key, contract]) => [
      key,
      kind,
      [contract.owner ?? 'anyone'].flat().join(', '),
      contract.version ?? '',
      contract.deprecated ? `deprecated: ${contract.deprecated}` : contract.sensitive ? 'sensitive' : '',
      String(violations.filter((violation) => violation.name === key).length),
    ]),
  );
}

/** The installed contracts (keys, owners, versions) and the violations recorded. */
export function contractsView(): View {
  const element = h('div');
  return {
    element,
    update({ entries, contracts }: PanelData) {
      const violations = entries.filter(isViolation).reverse();
      element.replaceChildren(
        table(
          ['key', 'kind', 'owners', 'version', '', 'violations'],
          contractRows(contracts, violations),
          'No contract list given (set the element’s contracts property to contractsManifest(…)).',
        ),
        h('h3', {}, 'Violations'),
        table(
          ['time', 'app', 'key', 'problem'],
          violations.map((violation) => [
            clock(violation.timestamp),
            appName(violation.source),
            violation.name ?? '',
            violation.error.message,
          ]),
          'None recorded.',
        ),
      );
    },
  };
}
