/** Time, injected so the verdict and the watch loop can run on simulated time (tests, the bench). */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))
}

/** Simulated time: `sleep` returns at once and moves the clock forward. */
export class ManualClock implements Clock {
  constructor(private time = 0) {}
  now(): number {
    return this.time
  }
  advance(ms: number): void {
    this.time += Math.max(0, ms)
  }
  async sleep(ms: number): Promise<void> {
    this.advance(ms)
  }
}
