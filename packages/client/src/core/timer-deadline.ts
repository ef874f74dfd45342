import type { Deadline, StartDeadline } from "./deadline.ts";

/**
 * A browser's `StartDeadline`: a platform timer a wait, set again on `restart`. A
 * browser's timers cost nothing worth Node's shared queue (`deadline.ts`), which would
 * weigh some 0.3 KiB in its bundle.
 */
export const startTimerDeadline: StartDeadline = (ms, expire) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline: Deadline = {
    fired: false,
    restart() {
      if (deadline.fired) return;
      clearTimeout(timer);
      timer = setTimeout(() => ((deadline.fired = true), expire()), ms);
    },
    stop: () => clearTimeout(timer),
  };
  deadline.restart();
  return deadline;
};
