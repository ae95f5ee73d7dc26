// Work that may take a while (the comparison games of the debrief and the teacher page) runs in
// idle moments, a few milliseconds at a time, so no frame and no keystroke waits for it.

/** A slice ends with the first step that passes this many ms: well inside one frame. */
export const SLICE_MS = 6;

const later = (work: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 200 });
  else setTimeout(work, 16);
};

/** Runs the steps to their end in idle slices; the promise has the steps' result. */
export function runWhenIdle<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return resolve(step.value);
          if (performance.now() >= until) break;
        }
      } catch (error) {
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      later(slice);
    };
    later(slice);
  });
}
