/**
 * How many requests a listing keeps in flight, found by AIMD as TCP finds its window, because
 * the service's rate limit is published nowhere: grow until the service answers 429, then halve.
 *
 * Until the first 429 the window grows by one for each page answered (it doubles every round
 * trip), so a service that keeps up is used fully within a few round trips of a large list.
 * After a 429 the limit is known to be near: the window grows by one per round trip (one for
 * every `limit` pages answered), so it probes gently instead of running into it again at once.
 */
export class AdaptiveConcurrency {
  readonly max: number;
  private current: number;
  private everThrottled = false;
  /** Pages answered since the window last grew, once growing by round trips. */
  private answeredSinceGrowth = 0;
  private sent = 0;
  /** Requests sent up to this one were already out when the window was last halved. */
  private sentAtDecrease = 0;

  constructor(initial: number, max: number) {
    this.max = Math.max(1, Math.floor(max));
    this.current = Math.min(this.max, Math.max(1, Math.floor(initial)));
  }

  get limit(): number {
    return this.current;
  }

  /** Call as a request goes out, a retry included; the number identifies it to `throttled`. */
  send(): number {
    this.sent += 1;
    return this.sent;
  }

  /** A page came back without having met a 429. */
  succeeded(): void {
    if (this.everThrottled) {
      this.answeredSinceGrowth += 1;
      if (this.answeredSinceGrowth < this.current) return;
    }
    this.answeredSinceGrowth = 0;
    this.current = Math.min(this.max, this.current + 1);
  }

  /**
   * Request `sendNumber` met a 429. Requests that were already out when the window was halved
   * met the same overload: their 429s are the same news, so they do not halve it again.
   */
  throttled(sendNumber: number): void {
    if (sendNumber <= this.sentAtDecrease) return;
    this.everThrottled = true;
    this.answeredSinceGrowth = 0;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.sentAtDecrease = this.sent;
  }
}
