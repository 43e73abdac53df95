/** Lambda entry of the chat function. */
import { directoryOver } from '../chatroom/directory.js';
import { lambdaEntry } from '../lambda/entry.js';
import { lambdaInstance, once } from '../lambda/runtime.js';
import { createConditionalAppender } from './append.js';
import { CHAT } from './operations.js';
import { wireChat } from './wiring.js';

/** The longest a warm instance keeps a membership it read (a leave re-reads it sooner): memory hygiene, not the bound. */
const MEMBERS_KEPT_MS = 10 * 60_000;

export const handler = lambdaEntry(
  'chat',
  CHAT,
  once(() => {
    const { config, tables } = lambdaInstance(false);
    // Rooms are trusted for MEMBERSHIP_CACHE_MS, memberships while their room counts no new leave (see directory.ts).
    const directory = directoryOver(tables, { cacheMs: config.membershipCacheMs, absentCacheMs: 0, memberCacheMs: MEMBERS_KEPT_MS });
    return wireChat(tables, directory, createConditionalAppender(tables('messages'), tables('rooms')));
  }),
);
