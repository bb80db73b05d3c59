import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/activity/activity-types';
import { ACTIVITY_FILE, createActivityLog } from './activity-log';

function entry(n: number, status?: number, dataset?: string): ActivityEntry {
  return {
    id: `id-${n}`,
    time: new Date(1_700_000_000_000 + n).toISOString(),
    method: 'GET',
    service: 'datasets',
    host: 'example.test',
    path: `/computervision/datasets/${dataset ?? 'x'}`,
    ...(status !== undefined && { status }),
    durationMs: 1,
    ...(dataset !== undefined && { dataset }),
    recipe: { method: 'GET', url: 'https://example.test/', sasTokenInUrl: false, headers: [] },
  };
}

const freshDir = () => mkdtempSync(join(tmpdir(), 'activity-'));

describe('the activity log', () => {
  it('lists newest first, filtered by status class and dataset, without recipes', () => {
    const log = createActivityLog();
    log.add(entry(1, 200, 'a'));
    log.add(entry(2, 412, 'b'));
    log.add(entry(3, 503, 'a'));
    log.add(entry(4, undefined, 'a'));
    expect(log.list().entries.map((e) => e.id)).toEqual(['id-4', 'id-3', 'id-2', 'id-1']);
    expect(log.list({ status: 'failed' }).entries.map((e) => e.id)).toEqual([
      'id-4',
      'id-3',
      'id-2',
    ]);
    expect(log.list({ status: '2xx' }).entries.map((e) => e.id)).toEqual(['id-1']);
    expect(log.list({ status: '4xx' }).entries.map((e) => e.id)).toEqual(['id-2']);
    expect(log.list({ status: '5xx', dataset: 'a' }).entries.map((e) => e.id)).toEqual(['id-3']);
    expect(log.list({ dataset: 'b' }).matched).toBe(1);
    expect(log.list().datasets).toEqual(['a', 'b']);
    expect(log.list(undefined, 2).entries).toHaveLength(2);
    expect(log.list().entries[0]).not.toHaveProperty('recipe');
    expect(log.get('id-2')?.recipe.url).toBe('https://example.test/');
  });

  it('keeps the last 1,000, in memory and in the file, across a restart', async () => {
    const dataDir = freshDir();
    const log = createActivityLog({ dataDir });
    for (let n = 1; n <= 2_500; n++) log.add(entry(n, 200));
    await log.flush();
    expect(log.list().matched).toBe(1_000);
    const lines = readFileSync(join(dataDir, ACTIVITY_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2_000);

    const again = createActivityLog({ dataDir });
    const listed = again.list();
    expect(listed.matched).toBe(1_000);
    expect(listed.entries[0]?.id).toBe('id-2500');
    expect(listed.entries.at(-1)?.id).toBe('id-1501');
  });

  it('skips a line cut short at the end, as after a crash mid-write', () => {
    const dataDir = freshDir();
    writeFileSync(
      join(dataDir, ACTIVITY_FILE),
      `${JSON.stringify(entry(1, 200))}\n${JSON.stringify(entry(2, 200)).slice(0, 30)}`,
    );
    const notices: string[] = [];
    const log = createActivityLog({ dataDir, onNotice: (m) => notices.push(m) });
    expect(log.list().entries.map((e) => e.id)).toEqual(['id-1']);
    expect(notices).toEqual([]);
  });

  it('moves a damaged file aside with a notice and starts empty', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, ACTIVITY_FILE), 'not json at all\n{"also": "wrong"}\n');
    const notices: string[] = [];
    const log = createActivityLog({ dataDir, onNotice: (m) => notices.push(m) });
    expect(log.list().entries).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/damaged.*Activity view starts empty.*kept as/);
    expect(existsSync(join(dataDir, ACTIVITY_FILE))).toBe(false);
    expect(readdirSync(dataDir).some((f) => f.startsWith('activity.corrupt-'))).toBe(true);
  });
});
