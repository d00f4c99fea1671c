import { describe, expect, it } from 'vitest';
import { clock, duration, preview } from './format';

describe('format', () => {
  it('shows wall-clock time with milliseconds', () => {
    const at = new Date(2026, 0, 2, 14, 3, 27, 120).getTime();
    expect(clock(at)).toBe('14:03:27.120');
  });

  it('shows durations in ms below a second, in seconds above', () => {
    expect(duration(12.4)).toBe('12 ms');
    expect(duration(1530)).toBe('1.53 s');
  });

  it('cuts long previews', () => {
    expect(preview({ text: 'x'.repeat(100) }, 20)).toBe('{"text":"xxxxxxxxxx…'); // 19 characters and the ellipsis
    expect(preview(undefined)).toBe('undefined');
  });
});
