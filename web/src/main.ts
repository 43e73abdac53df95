/**
 * The chat page: sign in or register, the room list (create, delete your
 * own, enter), and one open room at a time (room.ts). Every failure is shown
 * as a sentence (errors.ts); an ended session sends the person back to the
 * sign-in form with the reason.
 */
import { Code, ConnectError } from '@connectrpc/connect';
import type { RoomInfo } from '../../contracts/generated/es/gateway_pb.js';
import { chat, login, session } from './api.js';
import { type Doing, sentence } from './errors.js';
import { RoomView } from './room.js';
import { byId, el, notice, showConnection } from './ui.js';

const ROOMS_PAGE = 50;
const CURRENT_ROOM_KEY = 'chat.room';

let room: RoomView | undefined;

function show(view: 'signin' | 'lobby'): void {
  const signedIn = view === 'lobby';
  byId('signin').hidden = signedIn;
  byId('lobby').hidden = !signedIn;
  byId('room').hidden = !signedIn || room === undefined;
  byId('logout').hidden = !signedIn;
  const me = byId('me');
  me.hidden = !signedIn;
  me.textContent = session.get()?.username ?? '';
  document.body.classList.toggle('in-room', room !== undefined);
}

/** Stops following the open room (its membership stays) and forgets it for a reload. */
function dropRoom(): void {
  room?.close();
  room = undefined;
  sessionStorage.removeItem(CURRENT_ROOM_KEY);
}

function signedOut(reason = ''): void {
  dropRoom();
  session.set(undefined);
  show('signin');
  byId('signin-error').textContent = reason;
  byId<HTMLInputElement>('signin-form').querySelector('input')?.focus();
}

/** Runs an action of the page; its failure becomes the notice (or, for an ended session, the sign-in form). */
async function attempt(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (ConnectError.from(error).code === Code.Unauthenticated) signedOut(sentence(error));
    else notice(sentence(error));
  }
}

// ---- sign in -------------------------------------------------------------

byId<HTMLFormElement>('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const register = (event.submitter as HTMLButtonElement | null)?.value === 'register';
  const data = new FormData(form);
  const username = String(data.get('username') ?? '').trim();
  const password = String(data.get('password') ?? '');
  const error = byId('signin-error');
  error.textContent = '';
  let doing: Doing = register ? 'register' : 'login';
  try {
    if (register) await login.addUser({ username, password });
    doing = 'login';
    const reply = await login.login({ username, password });
    session.set({ username: reply.username || username, credential: reply.credential });
    form.reset();
    notice('');
    await enterLobby();
  } catch (failure) {
    error.textContent = sentence(failure, doing);
  }
});

byId('logout').addEventListener('click', () =>
  attempt(async () => {
    await login.logout({}).catch(() => undefined); // the session ends here whatever the server says
    signedOut('You are logged out.');
  }),
);

// ---- rooms ---------------------------------------------------------------

function roomItem(info: RoomInfo): HTMLLIElement {
  const item = el('li', '', { 'data-room': info.roomName }) as HTMLLIElement;
  if (room?.name === info.roomName) item.setAttribute('aria-current', 'true');
  const open = el('button', info.roomName, { type: 'button', class: 'open' });
  open.append(el('span', info.owner === session.get()?.username ? 'yours' : `by ${info.owner}`, { class: 'owner' }));
  open.onclick = () => attempt(() => openRoom(info.roomName));
  item.append(open);
  if (info.owner === session.get()?.username) {
    const remove = el('button', 'Delete', { type: 'button', class: 'secondary', 'aria-label': `Delete room ${info.roomName}` });
    remove.onclick = () =>
      attempt(async () => {
        if (!confirm(`Delete room ${info.roomName} and all its messages?`)) return;
        await chat.deleteRoom({ roomName: info.roomName });
        if (room?.name === info.roomName) closeRoom();
        item.remove();
      });
    item.append(remove);
  }
  return item;
}

async function loadRooms(after = ''): Promise<void> {
  const { rooms } = await chat.listRooms({ limit: ROOMS_PAGE, afterRoomName: after });
  const list = byId('rooms');
  if (!after) list.replaceChildren();
  list.append(...rooms.map(roomItem));
  const more = byId<HTMLButtonElement>('more-rooms');
  more.hidden = rooms.length < ROOMS_PAGE;
  more.onclick = () => attempt(() => loadRooms(rooms.at(-1)?.roomName ?? ''));
}

byId('refresh-rooms').addEventListener('click', () => attempt(() => loadRooms()));

byId<HTMLFormElement>('create-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const name = String(new FormData(form).get('room') ?? '').trim();
  void attempt(async () => {
    await chat.createRoom({ roomName: name });
    form.reset();
    await loadRooms();
    await openRoom(name);
  });
});

async function enterLobby(): Promise<void> {
  show('lobby');
  await loadRooms();
  const last = sessionStorage.getItem(CURRENT_ROOM_KEY);
  if (last) await openRoom(last);
  else byId('rooms').querySelector('button')?.focus();
}

// ---- the open room -------------------------------------------------------

async function openRoom(name: string): Promise<void> {
  room?.close();
  const me = session.get()?.username ?? '';
  const view = new RoomView(name, me, { signedOut, closed: closeRoom });
  room = view;
  sessionStorage.setItem(CURRENT_ROOM_KEY, name);
  for (const item of byId('rooms').querySelectorAll('li')) {
    if (item.dataset.room === name) item.setAttribute('aria-current', 'true');
    else item.removeAttribute('aria-current');
  }
  show('lobby');
  try {
    await view.open();
    notice('');
    byId('text').focus();
  } catch (error) {
    if (room === view) closeRoom();
    throw error;
  }
}

function closeRoom(): void {
  dropRoom();
  show('lobby');
  void attempt(() => loadRooms());
}

byId<HTMLFormElement>('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>('text');
  const text = input.value.trim();
  if (!text || !room) return;
  room.send(text);
  input.value = '';
});

byId('back').addEventListener('click', () => {
  dropRoom();
  show('lobby');
});

byId('leave').addEventListener('click', () =>
  attempt(async () => {
    await room?.leave();
    closeRoom();
  }),
);

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && room) byId('back').click();
});

// ---- start ---------------------------------------------------------------

async function start(): Promise<void> {
  showConnection('offline');
  const saved = session.get();
  if (!saved) return signedOut();
  try {
    const { valid } = await login.validate({ credential: saved.credential });
    if (!valid) return signedOut('Your session has ended. Please log in again.');
  } catch (error) {
    return signedOut(sentence(error));
  }
  await attempt(enterLobby);
}

void start();
