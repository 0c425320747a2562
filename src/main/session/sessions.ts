// Who is signed in at which window. In memory: a restart signs everyone out, by design.
export interface DeskSession {
  userId: number;
  locked: boolean;
  lastActivity: number;
}

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
  /** Locks the session if it has been idle longer than the clinic allows; otherwise marks activity. */
  touch(senderId: string, now: Date, lockAfterMinutes: number): DeskSession | undefined {
    const s = this.bySender.get(senderId);
    if (!s) return undefined;
    if (!s.locked && now.getTime() - s.lastActivity > lockAfterMinutes * 60_000) s.locked = true;
    if (!s.locked) s.lastActivity = now.getTime();
    return s;
  }
}
