import type { ContractsManifest, ManifestEntry } from '../manifest';
import { satisfies } from '../version-range';
import { schemaChanges } from './schema-changes';

export interface Change {
  breaking: boolean;
  section: 'events' | 'state' | 'requests';
  key: string;
  message: string;
}

export interface CompareOptions {
  /** Breaking changes to a key whose major version went up are accepted (listed, not failing). */
  acceptMajor?: boolean;
}

const SECTIONS = ['events', 'state', 'requests'] as const;
/** Each schema of an entry, and how messages name it. */
const SCHEMAS = { schema: 'payload', params: 'params', result: 'result' } as const;

const entryOf = (section: Record<string, ManifestEntry>, key: string) =>
  Object.hasOwn(section, key) ? section[key] : undefined;

/** A new major (for 0.x: a new minor), as npm's caret sees it. */
const isNewMajor = (before: string, after: string) =>
  satisfies(after, `>=${before}`) && !satisfies(after, `^${before}`);

/** What changed in one key that both manifests have: [what breaks it, what does not]. */
function entryChanges(before: ManifestEntry, after: ManifestEntry, acceptMajor: boolean): [string[], string[]] {
  const breaking: string[] = [];
  const compatible: string[] = [];
  if (after.owner) {
    const lost = before.owner ? before.owner.filter((app) => !after.owner?.includes(app)) : ['any app'];
    if (lost.length)
      breaking.push(`owner: ${lost.join(', ')} may no longer write it (owner now ${after.owner.join(', ')})`);
  } else if (before.owner) compatible.push('owner: any app may write it now');
  if (before.sensitive && !after.sensitive)
    breaking.push('no longer sensitive: its payloads will be buffered and shown');
  for (const [field, label] of Object.entries(SCHEMAS) as [keyof typeof SCHEMAS, string][]) {
    const [schema, schemaNow] = [before[field], after[field]];
    if (schema !== undefined && schemaNow !== undefined) breaking.push(...schemaChanges(schema, schemaNow, label));
    else if (schema !== schemaNow) compatible.push(`${label}: not compared (a manifest has no JSON Schema for it)`);
  }
  if (after.deprecated !== undefined && before.deprecated === undefined)
    compatible.push(`deprecated: ${after.deprecated}`);

  const [was, now] = [before.version, after.version];
  if (was === undefined) {
    if (now !== undefined) compatible.push(`version ${now}`);
  } else if (now === undefined) breaking.push(`version removed (was ${was})`);
  else if (!satisfies(now, `>=${was}`)) breaking.push(`version went back from ${was} to ${now}`);
  else if (!breaking.length) {
    if (now !== was) compatible.push(`version ${was} -> ${now}`);
  } else if (!isNewMajor(was, now))
    breaking.push(`version not bumped for a breaking change: ${was} -> ${now} (needs a new major)`);
  else if (acceptMajor)
    return [[], [...breaking.map((message) => `accepted with the new major ${now}: ${message}`), ...compatible]];
  return [breaking, compatible];
}

/** Every change from `before` to `after`, key by key in a stable order; `breaking` marks what fails the check. */
export function manifestChanges(
  before: ContractsManifest,
  after: ContractsManifest,
  options: CompareOptions = {},
): Change[] {
  const changes: Change[] = [];
  for (const section of SECTIONS) {
    const keys = [...new Set([...Object.keys(before[section]), ...Object.keys(after[section])])].sort();
    for (const key of keys) {
      const add = (breaking: boolean) => (message: string) => changes.push({ breaking, section, key, message });
      const was = entryOf(before[section], key);
      const now = entryOf(after[section], key);
      if (!now) add(true)(was?.deprecated === undefined ? 'removed' : `removed (deprecated: ${was.deprecated})`);
      else if (!was) add(false)('added');
      else {
        const [breaking, compatible] = entryChanges(was, now, options.acceptMajor === true);
        breaking.forEach(add(true));
        compatible.forEach(add(false));
      }
    }
  }
  return changes;
}
