import { writeFileSync } from 'node:fs';
import type { Figure, FigureName } from './figure';
import { FIGURE_NAMES, formatValue, meetsGoal } from './figure';
import type { MachineInfo } from './machine';

export type Figures = Record<FigureName, Figure>;

/** How busy the machine was: on a shared machine, other work shows in every figure. */
export interface RunConditions {
  /** Every figure was measured this many times. */
  rounds: number;
  seconds: number;
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
}

/** The numbers behind a figure in one line: nested objects flattened to `a.b=value`. */
function rawNumbers(details: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(details).flatMap(([key, value]) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return rawNumbers(value as Record<string, unknown>, `${prefix}${key}.`);
    }
    const text = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    return [`${prefix}${key}=${text}`];
  });
}

/** Per-file sizes stay in the JSON: with code splitting they would flood the line. */
function printable(details: Record<string, unknown>): Record<string, unknown> {
  const { files: _files, onDemandFiles: _onDemand, ...rest } = details;
  return rest;
}

interface Spread {
  min: number;
  median: number;
  max: number;
}

function spreadOf(figure: Figure): Spread | undefined {
  const { min, median, max } = figure.details as Partial<Spread>;
  return typeof min === 'number' && typeof median === 'number' && typeof max === 'number'
    ? { min, median, max }
    : undefined;
}

export function printReport(figures: Figures, machine: MachineInfo, run: RunConditions): void {
  console.info(
    `\n${machine.cpuModel} (${machine.cpus} CPUs, ${machine.totalMemGB} GB), Node ${machine.node}, ${machine.platform}`,
  );
  console.info(
    `${run.rounds} rounds in ${run.seconds} s; 1-minute load average ${run.loadAverageAtStart} at the start, ${run.loadAverageAtEnd} at the end\n`,
  );
  const rows = FIGURE_NAMES.map((name) => {
    const figure = figures[name];
    const met = meetsGoal(figure);
    const spread = spreadOf(figure);
    return [
      name,
      formatValue(figure.value, figure.unit),
      spread ? `${formatValue(spread.min, '')}/ ${formatValue(spread.max, figure.unit)}` : '-',
      `${figure.goal.direction} ${formatValue(figure.goal.target, figure.unit)}`,
      met === null ? '-' : met ? 'yes' : 'NO',
    ];
  });
  const head = ['figure', 'median', 'min / max', 'goal', 'met? (median)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.info(line(head));
  console.info(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.info(line(row));

  console.info('\nBehind each figure, round by round:');
  for (const name of FIGURE_NAMES) {
    const figure = figures[name];
    console.info(`  ${name}:`);
    const perRound = (figure.details.perRound ?? []) as Record<string, unknown>[];
    perRound.forEach((details, i) => {
      const numbers = rawNumbers(printable(details)).filter((n) => !n.endsWith('=undefined'));
      console.info(`    ${i + 1}: ${numbers.join('; ')}`);
    });
    if (figure.note) console.info(`    note: ${figure.note}`);
  }
}

export function writeJsonReport(
  path: string,
  figures: Figures,
  machine: MachineInfo,
  run: RunConditions,
): void {
  const report = {
    machine,
    date: new Date().toISOString(),
    run,
    figures: Object.fromEntries(FIGURE_NAMES.map((name) => [name, figures[name].value])),
    details: Object.fromEntries(
      FIGURE_NAMES.map((name) => {
        const { unit, goal, details, note } = figures[name];
        return [
          name,
          { unit, goal, met: meetsGoal(figures[name]), ...(note ? { note } : {}), ...details },
        ];
      }),
    ),
  };
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
