import type { ContractsManifest, ManifestEntry } from '../manifest';
import { satisfies } from '../version-range';
import { canonicalJson } from './canonical-json';
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
const SCHEMAS = ['schema', 'params', 'result'] as const;

const entryOf = (section: Record<string, ManifestEntry>, key: string) =>
  Object.hasOwn(section, key) ? section[key] : undefined;

/** A new major (for 0.x: a new minor), as npm's caret sees it. */
const isNewMajor = (before: string, after: string) =>
  satisfies(after, `>=${before}`) && !satisfies(after, `^${before}`);

/** Who may write the key: fewer apps breaks it. */
function ownerChanges(
  owners: string[] | undefined,
  ownersNow: string[] | undefined,
  breaking: string[],
  compatible: string[],
) {
  const lost = owners?.filter((app) => !ownersNow?.includes(app)) ?? [];
  const gained = ownersNow?.filter((app) => !owners?.includes(app)) ?? [];
  if (ownersNow && !owners) breaking.push(`owner: only ${ownersNow.join(', ')} may write it now`);
  else if (ownersNow && lost.length) breaking.push(`owner: ${lost.join(', ')} may no longer write it`);
  else if (owners && !ownersNow) compatible.push('owner: any app may write it now');
  if (ownersNow && owners && gained.length) compatible.push(`owner: ${gained.join(', ')} may write it now`);
}

/** What changed in one key that both manifests have: [what breaks it, what does not]. */
function entryChanges(
  section: Change['section'],
  before: ManifestEntry,
  after: ManifestEntry,
  acceptMajor: boolean,
): [string[], string[]] {
  const breaking: string[] = [];
  const compatible: string[] = [];
  ownerChanges(before.owner, after.owner, breaking, compatible);
  if (before.sensitive && !after.sensitive)
    breaking.push('no longer sensitive: its payloads will be buffered and shown');
  for (const field of SCHEMAS) {
    const label = field !== 'schema' ? field : section === 'state' ? 'value' : 'payload';
    const [schema, schemaNow] = [before[field], after[field]];
    if (schema === undefined || schemaNow === undefined) {
      if (schema !== schemaNow) compatible.push(`${label}: not compared (a manifest has no JSON Schema for it)`);
      continue;
    }
    const problems = schemaChanges(schema, schemaNow, label);
    breaking.push(...problems);
    if (!problems.length && canonicalJson(schema) !== canonicalJson(schemaNow))
      compatible.push(`${label}: changed compatibly`);
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
  } else if (!isNewMajor(was, now)) {
    breaking.push(`version not bumped for a breaking change: ${was} -> ${now} (needs a new major)`);
  } else if (acceptMajor) {
    return [[], [...breaking.map((message) => `accepted with the new major ${now}: ${message}`), ...compatible]];
  }
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
        const [breaking, compatible] = entryChanges(section, was, now, options.acceptMajor === true);
        breaking.forEach(add(true));
        compatible.forEach(add(false));
      }
    }
  }
  return changes;
}
