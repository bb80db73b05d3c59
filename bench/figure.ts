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
  'listSpeedup',
  'firstRowsMs',
  'domRows',
  'rendererGzipKB',
  'emulatorReqPerSec',
] as const;

export type FigureName = (typeof FIGURE_NAMES)[number];

/** Each figure's unit and goal. */
export const FIGURE_SPECS: Record<FigureName, { unit: string; goal: Goal }> = {
  saveOverheadRatio: { unit: '×', goal: { direction: '<=', target: 1.1 } },
  listSpeedup: { unit: '×', goal: { direction: '>=', target: 3 } },
  firstRowsMs: { unit: 'ms', goal: { direction: '<=', target: 200 } },
  domRows: { unit: 'rows', goal: { direction: '<=', target: 100 } },
  rendererGzipKB: { unit: 'KB', goal: { direction: '<=', target: 300 } },
  emulatorReqPerSec: { unit: 'req/s', goal: { direction: '>=', target: 3_000 } },
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
