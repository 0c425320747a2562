// Who is signed in at which window. In memory: a restart signs everyone out, by design.
export interface DeskSession {
  userId: number;
  locked: boolean;
  /** When a person last did something at this window (ms): a call the window makes on its own timer does not count. */
  lastActivity: number;
}

/** Whether a call was someone at the desk acting, or the window refreshing on its own (contract's `background`). */
export type CallKind = 'person' | 'background';

export class SessionStore {
  private readonly bySender = new Map<string, DeskSession>();

  get(senderId: string): DeskSession | undefined {
    return this.bySender.get(senderId);
  }
  start(senderId: string, userId: number, now: Date): DeskSession {
    const s = { userId, locked: false, lastActivity: now.getTime() };
    this.bySender.set(senderId, s);
    return s;
  }
  end(senderId: string): void {
    this.bySender.delete(senderId);
  }
  /** Ends every session of a user (deactivated account, password reset). */
  endForUser(userId: number): void {
    for (const [k, s] of this.bySender) if (s.userId === userId) this.bySender.delete(k);
  }
  /**
   * Locks the session once nobody has acted at the window for the clinic's idle time; otherwise a person's call
   * marks activity. A background call is checked the same way but marks nothing, so a desk whose day book keeps
   * polling still locks on time — the poll after that gets the locked answer and the window shows its lock screen.
   */
  touch(senderId: string, now: Date, lockAfterMinutes: number, kind: CallKind = 'person'): DeskSession | undefined {
    const s = this.bySender.get(senderId);
    if (!s) return undefined;
    if (!s.locked && now.getTime() - s.lastActivity >= lockAfterMinutes * 60_000) s.locked = true;
    if (!s.locked && kind === 'person') s.lastActivity = now.getTime();
    return s;
  }
}
