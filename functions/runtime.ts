/**
 * The three functions built over one DynamoDB client in one process: what the
 * monolith serves in-process, with its own appender (the message writer) and
 * caches (it is the only writer of its tables). Each Lambda handler wires only
 * its own function instead (see functions/<name>/wiring.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Appender, createConditionalAppender } from './chat/append.js';
import type { MessagesTable } from './chat/messages-table.js';
import { wireChat } from './chat/wiring.js';
import { type DirectoryCache, directoryOver } from './chatroom/directory.js';
import type { RoomRecord } from './chatroom/rooms-table.js';
import { wireChatroom } from './chatroom/wiring.js';
import type { FunctionsConfig } from './config.js';
import { wireLogin } from './login/wiring.js';
import { tablesOf } from './storage/tables.js';

export interface RuntimeOptions {
  config: FunctionsConfig;
  client: DynamoDBClient;
  /** The signing key (PEM): config.signingKey, or one generated for development. */
  signingKey: string;
  /** How long room and membership answers are cached (see directory.ts). */
  roomCache: DirectoryCache;
  /** How long a checked session is trusted (see login/logic.ts). */
  sessionCacheMs: number;
  /** How messages get their server_seq; the conditional appender by default. */
  appender?: (messages: MessagesTable) => Appender;
  onRoomDeleted?: (room: RoomRecord) => void;
}

export function createRuntime(options: RuntimeOptions) {
  const { config } = options;
  const tables = tablesOf(options.client, config.tablePrefix);
  const directory = directoryOver(tables, options.roomCache);
  const append = options.appender ? options.appender(tables('messages')) : createConditionalAppender(tables('messages'), tables('rooms'));
  return {
    directory,
    operations: {
      login: wireLogin(tables, config, options.signingKey, options.sessionCacheMs),
      chatroom: wireChatroom(tables, config, directory, options.onRoomDeleted),
      chat: wireChat(tables, directory, append),
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
