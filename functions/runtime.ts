/**
 * Builds the three functions' logic over one DynamoDB client. The Lambda
 * entries build it once per cold start; the monolith builds it once with its
 * own appender (the sequencer) and cache settings.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Appender, createConditionalAppender } from './chat/append.js';
import { createChatLogic } from './chat/logic.js';
import type { MessagesTable } from './chat/messages-table.js';
import { chatOperations } from './chat/operations.js';
import { createRoomDirectory } from './chatroom/directory.js';
import { createChatroomLogic } from './chatroom/logic.js';
import { chatroomOperations } from './chatroom/operations.js';
import type { RoomRecord } from './chatroom/rooms-table.js';
import type { FunctionsConfig } from './config.js';
import { createLoginLogic } from './login/logic.js';
import { loginOperations } from './login/operations.js';
import { tokenKey } from './login/token.js';
import { tableNames } from './storage/tables.js';

export interface RuntimeOptions {
  config: FunctionsConfig;
  client: DynamoDBClient;
  /** The signing secret: config.jwtSecret, or one generated for development. */
  jwtSecret: string;
  /** How long room and membership answers are cached (see directory.ts). */
  roomCacheMs: number;
  /** How long a checked session is trusted (see login/logic.ts). */
  sessionCacheMs: number;
  /** How messages get their server_seq; the conditional appender by default. */
  appender?: (messages: MessagesTable) => Appender;
  onRoomDeleted?: (room: RoomRecord) => void;
}

export function createRuntime(options: RuntimeOptions) {
  const { config, client } = options;
  const names = tableNames(config.tablePrefix);
  const table = <N extends keyof typeof names>(name: N) => ({ client, tableName: names[name] });
  const messages = table('messages');
  const directory = createRoomDirectory({ rooms: table('rooms'), members: table('members'), cacheMs: options.roomCacheMs });
  const login = createLoginLogic({
    users: table('users'),
    sessions: table('sessions'),
    key: tokenKey(options.jwtSecret),
    tokenTtlSeconds: config.tokenTtlSeconds,
    scryptLogN: config.scryptLogN,
    sessionCacheMs: options.sessionCacheMs,
  });
  const chatroom = createChatroomLogic({
    rooms: table('rooms'),
    maxRoomsPerUser: config.roomsPerUser,
    members: table('members'),
    messages,
    directory,
    onRoomDeleted: options.onRoomDeleted,
  });
  const append = (options.appender ?? createConditionalAppender)(messages);
  const chat = createChatLogic({ messages, directory, append });
  return {
    login,
    chatroom,
    chat,
    directory,
    operations: { login: loginOperations(login), chatroom: chatroomOperations(chatroom), chat: chatOperations(chat) },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
