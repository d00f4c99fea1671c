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

export function patternMatches(pattern: string, topic: string): boolean {
  return pattern === WILDCARD || topic.startsWith(pattern.slice(0, -1));
}
