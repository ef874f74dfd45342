/**
 * Runs async work one step at a time, so that a test can interleave two pieces of work in
 * an exact order: the work awaits `hold(step)` at each of the `steps` it was given (other
 * names pass through), and `next()` lets it run to its next hold or to its end.
 */
export class StepByStep<T> {
  /** The steps it held at, in order: a test checks it went through all it was given. */
  readonly held: string[] = [];
  #result: Promise<T> | undefined;
  #resume: (() => void) | undefined;
  #arrived: (() => void) | undefined;

  constructor(
    readonly steps: readonly string[],
    private readonly work: (hold: (step: string) => Promise<void>) => Promise<T>,
  ) {}

  readonly hold = (step: string): Promise<void> => {
    if (!this.steps.includes(step)) return Promise.resolve();
    this.held.push(step);
    return new Promise((resolve) => {
      this.#resume = resolve;
      this.#arrived?.();
    });
  };

  /**
   * Starts the work, or lets it go on from where it holds; resolves at its next hold or
   * end, even a failed one (`result()` gives the error).
   */
  async next(): Promise<void> {
    const arrived = new Promise<void>((resolve) => (this.#arrived = resolve));
    if (this.#result === undefined) this.#result = this.work(this.hold);
    else this.#resume?.();
    const ended = this.#result.then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([arrived, ended]);
  }

  /** What the work gave, once it has ended. */
  result(): Promise<T> {
    if (this.#result === undefined) throw new Error("the work has not started: call next() first");
    return this.#result;
  }
}
