/** What a benchmark measured, its goal, and the raw numbers behind it. */
export interface Goal {
  /** `<=`: at most the target is good; `>=`: at least. */
  direction: '<=' | '>=';
  target: number;
}

export interface Figure {
  /** Null when it could not be measured here; `note` says why. */
  value: number | null;
  unit: string;
  goal: Goal;
  /** The raw numbers behind the value, as printed and as written to the JSON. */
  details: Record<string, unknown>;
  /** Why the value is null, or anything that qualifies it. */
  note?: string;
}

export const FIGURE_NAMES = [
  'saveOverheadRatio',
  'saveOverheadMs',
  'listSpeedup',
  'listThrottledEfficiency',
  'firstRowsMs',
  'firstThumbnailsMs',
  'domRows',
  'rendererGzipKB',
  'emulatorReqPerSec',
  'startReadyMs',
  'cocoCheckSeconds',
  'cocoCheckPeakMB',
  'bulkEditPerSec',
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** Each figure's unit and goal. */
export const FIGURE_SPECS: Record<FigureName, { unit: string; goal: Goal }> = {
  saveOverheadRatio: { unit: '×', goal: { direction: '<=', target: 1.05 } },
  saveOverheadMs: { unit: 'ms', goal: { direction: '<=', target: 1 } },
  listSpeedup: { unit: '×', goal: { direction: '>=', target: 6 } },
  listThrottledEfficiency: { unit: '×', goal: { direction: '>=', target: 0.85 } },
  firstRowsMs: { unit: 'ms', goal: { direction: '<=', target: 200 } },
  firstThumbnailsMs: { unit: 'ms', goal: { direction: '<=', target: 500 } },
  domRows: { unit: 'rows', goal: { direction: '<=', target: 100 } },
  rendererGzipKB: { unit: 'KB', goal: { direction: '<=', target: 200 } },
  emulatorReqPerSec: { unit: 'req/s', goal: { direction: '>=', target: 3_000 } },
  startReadyMs: { unit: 'ms', goal: { direction: '<=', target: 1_500 } },
  cocoCheckSeconds: { unit: 's', goal: { direction: '<=', target: 30 } },
  cocoCheckPeakMB: { unit: 'MB', goal: { direction: '<=', target: 300 } },
  // Datasets saved per second by `Edit selected`, as a multiple of one-at-a-time saves.
  bulkEditPerSec: { unit: '× one at a time', goal: { direction: '>=', target: 3 } },
};

export function measured(
  name: FigureName,
  value: number,
  details: Record<string, unknown>,
  note?: string,
): Figure {
  return { value, ...FIGURE_SPECS[name], details, ...(note ? { note } : {}) };
}

export function unmeasured(
  name: FigureName,
  note: string,
  details: Record<string, unknown> = {},
): Figure {
  return { value: null, ...FIGURE_SPECS[name], details, note };
}

export function meetsGoal(figure: Figure): boolean | null {
  if (figure.value === null) return null;
  return figure.goal.direction === '<='
    ? figure.value <= figure.goal.target
    : figure.value >= figure.goal.target;
}

/** A number with its unit, as a person reads it: "1.04 ×", "3,120 req/s", "212.4 KB". */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  const size = Math.abs(value);
  const digits = Number.isInteger(value) || size >= 100 ? 0 : size >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text} ${unit}`;
}

/**
 * One figure from the rounds of one run: the median of the rounds' values is the figure (and
 * the only thing held against the goal), with the least, the greatest, and each round's own
 * numbers beside it.
 */
export function combineRounds(name: FigureName, rounds: readonly Figure[]): Figure {
  const values = rounds.flatMap((r) => (r.value === null ? [] : [r.value]));
  const notes = [...new Set(rounds.flatMap((r) => (r.note ? [r.note] : [])))];
  const perRound = rounds.map((r) => ({ value: r.value, ...r.details }));
  if (values.length === 0) {
    return unmeasured(name, notes.join(' ') || 'not measured', { rounds: perRound });
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  const median =
    Math.round(((sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2) * 1000) / 1000;
  const spread = { min: sorted[0]!, median, max: sorted.at(-1)!, rounds: values.length };
  const missing = rounds.length - values.length;
  const note = [
    ...notes,
    ...(missing > 0 ? [`${missing} of ${rounds.length} rounds could not be measured.`] : []),
  ].join(' ');
  return measured(name, median, { ...spread, perRound }, note || undefined);
}
