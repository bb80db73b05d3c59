import { describe, expect, it } from 'vitest';
import { timeWithZone } from './time';

describe('timeWithZone', () => {
  it('names the zone the local time is in and gives the UTC instant', () => {
    const text = timeWithZone('2024-03-12T09:05:00Z', 'Europe/Paris');
    expect(text).toContain('Europe/Paris');
    // 09:05 UTC is 10:05 in Paris in March (standard time, +1).
    expect(text).toMatch(/10:05/);
    expect(text).toContain('2024-03-12T09:05:00Z UTC');
  });

  it('follows the zone, summer time included', () => {
    expect(timeWithZone('2024-07-01T12:00:00Z', 'America/New_York')).toMatch(/8:00/);
  });
});
