import { InvalidArgumentError } from '../errors';

/** `*` matches every topic; `domain:*` every topic under `domain:` (at any depth). */
export const WILDCARD = '*';

export function isPattern(topicOrPattern: string): boolean {
  return topicOrPattern === WILDCARD || topicOrPattern.endsWith(':*');
}

export function assertPatternShape(topicOrPattern: string): void {
  const star = topicOrPattern.indexOf('*');
  if (star !== -1 && star !== topicOrPattern.length - 1) {
    throw new InvalidArgumentError(
      `"${topicOrPattern}": "*" is only allowed as the whole pattern or after the last ":"`,
    );
  }
  if (star !== -1 && !isPattern(topicOrPattern)) {
    throw new InvalidArgumentError(`"${topicOrPattern}": a pattern is "*" or ends with ":*"`);
  }
}

export function assertPublishableTopic(topic: string): void {
  if (topic.includes('*')) throw new InvalidArgumentError(`Cannot publish to "${topic}": "*" is reserved for patterns`);
}

/** The patterns that match `topic`: `*`, then every `prefix:*` for each `:` in the topic. */
export function patternsMatching(topic: string): string[] {
  const patterns = [WILDCARD];
  for (let colon = topic.indexOf(':'); colon !== -1; colon = topic.indexOf(':', colon + 1)) {
    patterns.push(`${topic.slice(0, colon)}:*`);
  }
  return patterns;
}

/** The topics a topic or pattern covers: `*` all, `domain:*` those under `domain:`, a topic itself. */
function prefixOf(topicOrPattern: string): string | undefined {
  if (topicOrPattern === WILDCARD) return '';
  return topicOrPattern.endsWith(':*') ? topicOrPattern.slice(0, -1) : undefined;
}

/** True when some topic is covered by both (a topic and a pattern that matches it, two nested patterns, ...). */
export function topicsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const prefixA = prefixOf(a);
  const prefixB = prefixOf(b);
  if (prefixA === undefined) return prefixB !== undefined && a.startsWith(prefixB);
  if (prefixB === undefined) return b.startsWith(prefixA);
  return prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA);
}
