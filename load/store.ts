/**
 * The embedded store a load run's target starts on. Every invocation starts
 * from the same state: the seeded accounts and nothing else. A store that kept
 * every earlier run's rooms and messages grew by hundreds of MB over a few
 * sessions, and the monolith's CPU per message in the 5,000-user chat with it
 * (1.06 ms on a 613-MB store against 0.66 on a fresh one), so figures from
 * different sessions measured different stores. Seeding once is kept: after
 * the first seeding, a copy of the store with only the accounts
 * (`<kind>-seeded/`, with how many users, hashed at which scrypt cost, in
 * `seeded.json`) is what each later invocation starts from (`<kind>/`,
 * replaced).
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = 'seeded.json';

/** What was seeded: how many users (`perf_demo<i>`), their passwords hashed at scrypt N = 2^scryptLogN. */
export interface Seeded {
  users: number;
  scryptLogN: number;
}

const seededDir = (workDir: string) => `${workDir}-seeded`;

/**
 * How many users the seeded copy has that were hashed at `scryptLogN`: 0 without a copy, or with one made at
 * another cost (its logins would hash at that cost, since a hash keeps its own).
 */
function seededUsers(workDir: string, scryptLogN: number): number {
  const mark = path.join(seededDir(workDir), MARK);
  if (!existsSync(mark)) return 0;
  const seeded = JSON.parse(readFileSync(mark, 'utf8')) as Partial<Seeded>;
  return seeded.scryptLogN === scryptLogN ? Number(seeded.users) || 0 : 0;
}

/**
 * Replaces the work store by the seeded copy, or by nothing (none at this cost), and says which with the
 * users it now holds. Its target must be stopped.
 */
export function restoreSeeded(workDir: string, scryptLogN: number): { users: number; line: string } {
  rmSync(workDir, { recursive: true, force: true });
  const users = seededUsers(workDir, scryptLogN);
  if (users === 0) return { users, line: `${workDir}: new, empty` };
  cpSync(seededDir(workDir), workDir, { recursive: true });
  rmSync(path.join(workDir, MARK));
  return { users, line: `${workDir}: a copy of ${seededDir(workDir)} (${users} users, no rooms or messages)` };
}

/** Keeps the work store, just seeded, as the seeded copy. Its target must be stopped. */
export function keepSeeded(workDir: string, seeded: Seeded): string {
  const dir = seededDir(workDir);
  rmSync(dir, { recursive: true, force: true });
  cpSync(workDir, dir, { recursive: true });
  writeFileSync(path.join(dir, MARK), `${JSON.stringify(seeded)}\n`);
  return dir;
}
