/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** Some inputs were rejected; everything else was processed. */
  rejected: 1,
  usage: 2,
  failure: 3,
} as const;
