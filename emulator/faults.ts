import { z } from 'zod';
import { fieldProblems } from '../shared/contract/issues';

/*
 * Fault settings, as the control endpoint /_emulator/faults reads and writes them (JSON):
 *
 *   {
 *     "latencyMs": 0,               // delay before every API response, 0..120000
 *     "failNext": null | {          // the next `count` API requests fail and do nothing else
 *       "status": 503,              //   any 4xx/5xx, e.g. 429, 500, 503
 *       "count": 2,                 //   1 or more; decreases with each failed request
 *       "retryAfterSeconds": 5      //   optional: sent as the Retry-After header
 *     },
 *     "resetNext": 0,               // the next N API requests: socket destroyed, no response
 *     "resetMidResponseNext": 0     // the next N API requests are carried out (the change IS
 *                                   // applied), then headers and half the body are sent and the
 *                                   // socket destroyed: a lost response
 *   }
 *
 * GET returns the settings and `appliedWrites`: how many PUT, PATCH and DELETE requests were
 * carried out (answered 2xx, or lost mid-response after being carried out) since the start, so a
 * test can prove a retried change was applied exactly once; it never resets. PUT merges the
 * given properties into the settings (properties not given keep their values; "failNext": null
 * clears it) and returns the result; DELETE restores the start settings (the start option
 * latencyMs, nothing pending) and returns them. All three need
 * the Ocp-Apim-Subscription-Key header. One request meets at most one fault, checked in this
 * order: resetNext, failNext, resetMidResponseNext. Requests to the control endpoint never meet
 * a fault or the latency.
 */

export interface FailNextSetting {
  status: number;
  count: number;
  retryAfterSeconds?: number;
}

export interface FaultSettings {
  latencyMs: number;
  failNext: FailNextSetting | null;
  resetNext: number;
  resetMidResponseNext: number;
}

export type FaultSettingsUpdate = Partial<FaultSettings>;

export const MAX_LATENCY_MS = 120_000;

const count = z.int('Must be a whole number.').min(0, 'Must be 0 or more.');

export const FaultSettingsUpdateSchema = z
  .object({
    latencyMs: z
      .int('latencyMs must be a whole number of milliseconds.')
      .min(0, 'latencyMs must be 0 or more.')
      .max(MAX_LATENCY_MS, `latencyMs must be at most ${MAX_LATENCY_MS}.`),
    failNext: z
      .object({
        status: z
          .int('status must be a whole number.')
          .min(400, 'status must be an error status, 400 to 599.')
          .max(599, 'status must be an error status, 400 to 599.'),
        count: z.int('count must be a whole number.').min(1, 'count must be 1 or more.'),
        retryAfterSeconds: z
          .int('retryAfterSeconds must be a whole number.')
          .min(0, 'retryAfterSeconds must be 0 or more.')
          .optional(),
      })
      .strict()
      .nullable(),
    resetNext: count,
    resetMidResponseNext: count,
  })
  .partial()
  .strict();

/** What the next API request meets, if anything. */
export type InjectedFault =
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'reset-mid-response' };

/**
 * Controls fault injection. With injection off (the default) only the start option latency
 * applies, changes are refused, and no request ever meets a fault.
 */
export class FaultController {
  readonly enabled: boolean;
  private readonly startLatencyMs: number;
  private current: FaultSettings;
  private writes = 0;

  constructor(enabled: boolean, startLatencyMs = 0) {
    this.enabled = enabled;
    this.startLatencyMs = startLatencyMs;
    this.current = startSettings(startLatencyMs);
  }

  get settings(): FaultSettings {
    return structuredClone(this.current);
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  /** Writes carried out so far (see the comment at the top); counted with injection on or off. */
  get appliedWrites(): number {
    return this.writes;
  }

  recordAppliedWrite(): void {
    this.writes += 1;
  }

  /** Merges the given settings in; throws on invalid settings or when injection is off. */
  set(update: FaultSettingsUpdate): FaultSettings {
    this.requireEnabled();
    const result = FaultSettingsUpdateSchema.safeParse(update);
    if (!result.success) {
      const problems = fieldProblems(result.error).map((p) => `${p.field}: ${p.message}`);
      throw new Error(`Invalid fault settings: ${problems.join('; ')}`);
    }
    this.current = { ...this.current, ...result.data };
    return this.settings;
  }

  /** Back to the start settings: start latency, nothing pending. */
  clear(): FaultSettings {
    this.requireEnabled();
    this.current = startSettings(this.startLatencyMs);
    return this.settings;
  }

  /** Takes (and uses up) the fault the next API request meets. */
  takeFault(): InjectedFault | undefined {
    if (!this.enabled) return undefined;
    const settings = this.current;
    if (settings.resetNext > 0) {
      settings.resetNext -= 1;
      return { kind: 'reset' };
    }
    if (settings.failNext) {
      const { status, retryAfterSeconds } = settings.failNext;
      settings.failNext.count -= 1;
      if (settings.failNext.count <= 0) settings.failNext = null;
      return retryAfterSeconds === undefined
        ? { kind: 'fail', status }
        : { kind: 'fail', status, retryAfterSeconds };
    }
    if (settings.resetMidResponseNext > 0) {
      settings.resetMidResponseNext -= 1;
      return { kind: 'reset-mid-response' };
    }
    return undefined;
  }

  private requireEnabled(): void {
    if (!this.enabled) {
      throw new Error('Fault injection is off: start the emulator with faults: true (--faults).');
    }
  }
}

function startSettings(latencyMs: number): FaultSettings {
  return { latencyMs, failNext: null, resetNext: 0, resetMidResponseNext: 0 };
}
