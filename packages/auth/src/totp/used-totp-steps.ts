/**
 * TOTP time steps already used, per user, in one process: two logins racing with the same code
 * (both read the user before either saved `lastTotpStep`) get one success. Steps more than a few
 * behind the newest are forgotten: `lastTotpStep` refuses those anyway.
 */
export class UsedTotpSteps {
  private readonly used = new Map<string, Set<number>>();

  claim(userId: string, step: number): boolean {
    let steps = this.used.get(userId);
    if (steps === undefined) {
      steps = new Set();
      this.used.set(userId, steps);
    }
    if (steps.has(step)) return false;
    steps.add(step);
    for (const old of steps) if (old < step - 4) steps.delete(old);
    return true;
  }
}
