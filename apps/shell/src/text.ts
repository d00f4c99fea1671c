/** `1 subscriber`, `0 subscribers`, `3 subscribers`. */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
