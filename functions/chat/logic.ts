/**
 * The chat function: sending and history (Subscribe is served by each binding, see subscription.ts).
 * Transport-neutral: the caller's name, contract-shaped objects in and out,
 * domain errors thrown. How a message gets its server_seq is the injected
 * `Appender` (one writer in the monolith, many in Lambda).
 */
import { randomUUID } from 'node:crypto';
import type { chatmsg } from '../../contracts/types.js';
import { NotFoundError, PermissionDeniedError } from '../../lib/errors.js';
import type { RoomDirectory } from '../chatroom/directory.js';
import * as validate from '../validate.js';
import { LIMITS } from '../validate.js';
import type { Appender } from './append.js';
import { latestMessages, type MessagesTable } from './messages-table.js';

/**
 * SendMessage's reply, with the message as stored when this send stored it: a gateway delivers it to its own
 * subscribers of the room instead of querying for it. Only the contract's fields reach a gRPC client (the
 * encoder keeps the message type's fields); `stored` travels in the Lambda answer only.
 */
export type SendMessageResult = chatmsg.SendMessageReply & { stored?: StoredMessage };

/** A message and the incarnation of the room it was stored in (a room deleted and made again is another). */
export interface StoredMessage {
  roomId: string;
  message: chatmsg.ChatMessage;
}

export interface ChatDeps {
  messages: MessagesTable;
  directory: RoomDirectory;
  append: Appender;
}

export function createChatLogic(deps: ChatDeps) {
  async function sendMessage(caller: string, req: chatmsg.SendMessageRequest): Promise<SendMessageResult> {
    const roomName = validate.roomName(req.room_name);
    const person = validate.personName(caller, req.person_name);
    const text = validate.text(req.text);
    const clientTs = validate.timestamp('client_ts_ms', req.client_ts_ms);
    const given = validate.msgId(req.msg_id);
    const room = await deps.directory.requireRoom(roomName);
    if (!(await deps.directory.isMember(room, person))) {
      throw new PermissionDeniedError(`enter room ${roomName} before posting to it`);
    }
    const draft = { room_name: room.roomName, person_name: person, text, client_ts_ms: clientTs, msg_id: given || randomUUID() };
    // A server-made msg_id cannot have been stored before, so the lookup is skipped.
    const { message, fresh } = await deps.append(room, draft, { mayRepeat: given !== '' }).catch((error: unknown) => {
      // The room was deleted since it was cached: forget it, so the next send reads afresh.
      if (error instanceof NotFoundError) deps.directory.noteRoom(roomName, undefined);
      throw error;
    });
    return {
      ok: true,
      message: fresh ? 'stored' : 'already stored',
      server_seq: message.server_seq,
      server_ts_ms: message.server_ts_ms,
      msg_id: message.msg_id,
      // A repeat's message is rebuilt from the retry (its client_ts_ms may differ): only a fresh one is as stored.
      ...(fresh && { stored: { roomId: room.roomId, message } }),
    };
  }

  async function getHistory(_caller: string, req: chatmsg.GetHistoryRequest): Promise<chatmsg.GetHistoryReply> {
    const roomName = validate.roomName(req.room_name);
    const limit = validate.pageSize('limit', req.limit, LIMITS.historyDefault, LIMITS.historyMax);
    const before = validate.sequence('before_seq', req.before_seq);
    const room = await deps.directory.requireRoom(roomName);
    return { messages: await latestMessages(deps.messages, room.roomId, limit, before) };
  }

  return { sendMessage, getHistory };
}

export type ChatLogic = ReturnType<typeof createChatLogic>;
