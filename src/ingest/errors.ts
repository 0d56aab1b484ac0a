/** A problem with one input: it is reported on one line naming the input, and the batch goes on. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = "InputError";
  }
}
