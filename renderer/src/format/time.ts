import { useSyncExternalStore } from 'react';

const absoluteFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function absoluteTime(iso: string): string {
  return absoluteFormat.format(new Date(iso));
}

/**
 * The instant in full for a tooltip: local time with the zone's name and IANA id (a user
 * comparing with the portal, which shows UTC, needs to know which zone this is), then UTC.
 */
export function timeWithZone(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  const format = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'full',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  });
  const zoneName =
    new Intl.DateTimeFormat(undefined, { timeZoneName: 'long', ...(timeZone ? { timeZone } : {}) })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const zoneId = format.resolvedOptions().timeZone;
  return `${format.format(date)} (${zoneName}, ${zoneId}) · ${date.toISOString().replace('.000Z', 'Z')} UTC`;
}

export function relativeTime(iso: string, nowMs: number): string {
  const seconds = Math.round((new Date(iso).getTime() - nowMs) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/*
 * One shared clock that ticks each minute: relative times stay right without each row
 * running its own timer, and render stays pure (it never asks the time itself).
 */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** Call after a write so "just now" is right at once rather than at the next tick. */
export function refreshNow(): void {
  now = Date.now();
  listeners.forEach((l) => l());
}
