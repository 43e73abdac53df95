/**
 * A terminal chat client of the public API.
 *
 *   npm run client -- [--target 127.0.0.1:50051]
 *
 * Type /help for commands; any other line is sent to the room you are in.
 * Live messages appear as they come; a dropped stream is resumed with
 * after_seq, so nothing is missed or shown twice.
 */
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import type * as grpc from '@grpc/grpc-js';
import { Metadata } from '@grpc/grpc-js';
import type { ChatMessage__Output } from '../contracts/generated/gateway/ChatMessage.js';
import { connect, statusName, unary } from './api.js';

const { values } = parseArgs({ options: { target: { type: 'string', default: process.env.TARGET ?? '127.0.0.1:50051' } } });
const api = connect(values.target);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });

const state = {
  user: '',
  credential: '',
  room: '',
  lastSeq: 0,
  stream: undefined as grpc.ClientReadableStream<ChatMessage__Output> | undefined,
};

const HELP = `commands:
  /register <name>     create an account (asks for a password)
  /login <name>        log in (asks for a password)
  /rooms               list rooms
  /create <room>       create a room
  /join <room>         enter a room, show its recent history and follow it live
  /leave               leave the current room
  /people              who is in the current room
  /history [n]         the last n messages of the current room (default 20)
  /delete <room>       delete a room you own
  /who                 who is logged in
  /logout, /quit
  anything else        is sent to the current room`;

/** Prints above the prompt without breaking what is being typed. */
function say(text: string): void {
  if (process.stdout.isTTY) {
    readline.clearLine(process.stdout, 0);
    readline.cursorTo(process.stdout, 0);
  }
  process.stdout.write(`${text}\n`);
  rl.prompt(true);
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();
const show = (m: ChatMessage__Output) => say(`[${time(m.server_ts_ms)}] #${m.server_seq} ${m.person_name}: ${m.text}`);
const auth = () => ({ auth: { credential: state.credential } });
const ask = (question: string, hidden = false) =>
  new Promise<string>((resolve) => {
    const output = rl as unknown as { _writeToOutput?: (s: string) => void };
    const original = output._writeToOutput;
    rl.question(question, (answer) => {
      output._writeToOutput = original;
      if (hidden) process.stdout.write('\n');
      resolve(answer);
    });
    if (hidden && process.stdin.isTTY) output._writeToOutput = () => undefined;
  });

function follow(room: string, afterSeq: number, attempt = 0): void {
  const stream = api.gateway.Subscribe({ ...auth(), room_name: room, after_seq: afterSeq });
  state.stream = stream;
  stream.on('data', (m: ChatMessage__Output) => {
    attempt = 0;
    if (m.server_seq <= state.lastSeq) return;
    state.lastSeq = m.server_seq;
    show(m);
  });
  stream.on('error', (error: grpc.ServiceError) => {
    if (state.stream !== stream || statusName(error) === 'CANCELLED') return;
    if (['UNAVAILABLE', 'INTERNAL', 'RESOURCE_EXHAUSTED'].includes(statusName(error)) && attempt < 10) {
      const delay = Math.min(5_000, 250 * 2 ** attempt);
      say(`(stream lost: ${error.details}; resuming after #${state.lastSeq} in ${delay} ms)`);
      setTimeout(() => state.stream === stream && follow(room, state.lastSeq, attempt + 1), delay);
    } else say(`(stream ended: ${statusName(error)} ${error.details})`);
  });
  stream.on('end', () => state.stream === stream && say(`(room ${room} is closed)`));
}

function unfollow(): void {
  const stream = state.stream;
  state.stream = undefined;
  stream?.cancel();
}

async function history(limit: number): Promise<void> {
  const reply = await unary(api.gateway, api.gateway.GetHistory, { ...auth(), room_name: state.room, limit });
  for (const m of reply?.messages ?? []) show(m);
  state.lastSeq = Math.max(state.lastSeq, reply?.messages.at(-1)?.server_seq ?? 0);
}

async function account(name: string | undefined, register: boolean): Promise<void> {
  if (!name) return say(`usage: /${register ? 'register' : 'login'} <name>`);
  const password = await ask('password: ', true);
  if (register) await unary(api.login, api.login.AddUser, { username: name, password });
  const reply = await unary(api.login, api.login.Login, { username: name, password });
  Object.assign(state, { user: name, credential: reply?.credential ?? '' });
  rl.setPrompt(`${name}> `);
  say(`logged in as ${name} until ${reply?.expires_at_iso}`);
}

async function run(line: string): Promise<void> {
  const [command, ...args] = line.trim().split(/\s+/);
  const needRoom = (): boolean => {
    if (!state.room) say('join a room first: /join <room>');
    return state.room !== '';
  };
  switch (command) {
    case '':
      return;
    case '/help':
      return say(HELP);
    case '/register':
    case '/login':
      return account(args[0], command === '/register');
    case '/rooms': {
      const reply = await unary(api.gateway, api.gateway.ListRooms, { ...auth(), limit: 100 });
      return say(reply?.rooms.map((r) => `  ${r.room_name} (owner ${r.owner})`).join('\n') || '(no rooms)');
    }
    case '/create':
      await unary(api.gateway, api.gateway.CreateRoom, { ...auth(), room_name: args[0] ?? '' });
      return say(`created ${args[0]}`);
    case '/join': {
      const room = args[0] ?? '';
      try {
        await unary(api.gateway, api.gateway.EnterRoom, { ...auth(), room_name: room });
      } catch (error) {
        if (statusName(error) !== 'ALREADY_EXISTS') throw error;
      }
      unfollow();
      Object.assign(state, { room, lastSeq: 0 });
      say(`— ${room} —`);
      await history(20);
      follow(room, state.lastSeq);
      return;
    }
    case '/leave':
      if (!needRoom()) return;
      unfollow();
      await unary(api.gateway, api.gateway.LeaveRoom, { ...auth(), room_name: state.room });
      say(`left ${state.room}`);
      state.room = '';
      return;
    case '/people': {
      if (!needRoom()) return;
      const reply = await unary(api.gateway, api.gateway.GetPeople, { ...auth(), room_name: state.room });
      return say(`in ${state.room}: ${reply?.people.join(', ')}`);
    }
    case '/history':
      if (needRoom()) await history(Number(args[0] ?? 20));
      return;
    case '/delete':
      await unary(api.gateway, api.gateway.DeleteRoom, { ...auth(), room_name: args[0] ?? '' });
      return say(`deleted ${args[0]}`);
    case '/who': {
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${state.credential}`);
      const reply = await unary(api.login, api.login.WhoIsLoggedIn, {}, { metadata });
      return say([...new Set(reply?.sessions.map((s) => s.username))].join(', ') || '(nobody)');
    }
    case '/logout':
      unfollow();
      await unary(api.login, api.login.Logout, { credential: state.credential });
      Object.assign(state, { user: '', credential: '', room: '' });
      rl.setPrompt('> ');
      return say('logged out');
    case '/quit':
      return quit();
    default:
      if (command?.startsWith('/')) return say(`unknown command ${command}; /help lists them`);
      if (!needRoom()) return;
      await unary(api.gateway, api.gateway.SendMessage, {
        ...auth(),
        room_name: state.room,
        text: line,
        client_ts_ms: Date.now(),
        msg_id: `${state.user}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      });
  }
}

function quit(): void {
  unfollow();
  api.close();
  rl.close();
  process.exit(0);
}

say(`chat client → ${values.target}. /register <name> or /login <name> to start, /help for more.`);
rl.setPrompt('> ');
rl.prompt();
rl.on('line', (line) => {
  run(line).then(
    () => rl.prompt(),
    (error: grpc.ServiceError) => say(`${statusName(error)}: ${error.details ?? error.message}`),
  );
});
rl.on('close', quit);
