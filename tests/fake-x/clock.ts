// A clock tests can move forward, so token expiry and rate-limit windows can be reached
// without waiting. OAuth 1.0a timestamps are still checked against the real wall clock,
// because clients sign with theirs.
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
