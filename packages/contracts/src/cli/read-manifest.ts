import type { ContractsManifest } from '../manifest';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isSchema = (value: unknown) => typeof value === 'boolean' || isObject(value);

/** What each field of an entry must hold. */
const FIELDS: Record<string, (value: unknown) => boolean> = {
  owner: (value) => Array.isArray(value) && value.every((app) => typeof app === 'string'),
  version: (value) => typeof value === 'string' && /^\d+\.\d+\.\d+([-+].*)?$/.test(value),
  deprecated: (value) => typeof value === 'string',
  sensitive: (value) => value === true,
  schema: isSchema,
  params: isSchema,
  result: isSchema,
};

/** Parses a manifest written from `contractsManifest()`; throws an `Error` naming what is wrong with it. */
export function readManifest(text: string): ContractsManifest {
  const manifest: unknown = JSON.parse(text);
  if (!isObject(manifest) || manifest.manifest !== 1) throw new Error('not a contracts manifest ("manifest": 1)');
  for (const section of ['events', 'state', 'requests']) {
    const entries = manifest[section];
    if (!isObject(entries)) throw new Error(`"${section}" must be an object`);
    for (const [key, entry] of Object.entries(entries)) {
      if (!isObject(entry)) throw new Error(`${section}["${key}"] must be an object`);
      for (const [field, value] of Object.entries(entry)) {
        if (!Object.hasOwn(FIELDS, field) || !FIELDS[field]?.(value))
          throw new Error(`${section}["${key}"].${field} is not valid`);
      }
    }
  }
  return manifest as unknown as ContractsManifest;
}
