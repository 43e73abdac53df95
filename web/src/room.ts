/**
 * The room view: history (older pages on scroll-up), the live stream (resumed
 * after a cut with after_seq, so nothing is missed or shown twice), who is
 * here, and sending (each send keeps its msg_id through every retry, so the
 * server stores it once).
 */
import { Code, ConnectError } from '@connectrpc/connect';
import type { ChatMessage } from '../../contracts/generated/es/gateway_pb.js';
import { backoffMs, chat, newMsgId, sleep, withRetries } from './api.js';
import { sentence } from './errors.js';
import { type Delivered, type Pending, Timeline } from './timeline.js';
import { byId, clock, el, notice, showConnection } from './ui.js';

const PAGE = 50;
const SEND_TRIES = 6;
const PEOPLE_REFRESH_MS = 30_000;

export interface RoomHooks {
  /** The credential is no longer good: back to the sign-in form with this sentence. */
  signedOut(reason: string): void;
  /** The room view is closed (left, deleted, gone): back to the list. */
  closed(): void;
}

const toLine = (m: Pick<ChatMessage, 'serverSeq' | 'personName' | 'text' | 'msgId' | 'serverTsMs'>): Delivered => ({
  seq: Number(m.serverSeq),
  person: m.personName,
  text: m.text,
  msgId: m.msgId,
  serverTsMs: Number(m.serverTsMs),
});

/** Statuses that mean the room cannot be followed any more, whatever a retry does. */
const FINAL = new Set([Code.NotFound, Code.PermissionDenied, Code.InvalidArgument, Code.FailedPrecondition]);

export class RoomView {
  private readonly timeline = new Timeline();
  private readonly stop = new AbortController();
  private readonly list = byId<HTMLOListElement>('messages');
  private readonly box = byId('messages-box');
  private readonly older = byId<HTMLButtonElement>('older');
  private olderDone = false;
  private loadingOlder = false;
  private readonly people = new Set<string>();
  private peopleTimer?: ReturnType<typeof setInterval>;

  constructor(
    readonly name: string,
    private readonly me: string,
    private readonly hooks: RoomHooks,
  ) {}

  /** Enters the room, shows its newest page and follows it live. */
  async open(): Promise<void> {
    this.list.replaceChildren();
    byId('room-title').textContent = this.name;
    await chat.enterRoom({ roomName: this.name, personName: this.me }).catch((error) => {
      if (ConnectError.from(error).code !== Code.AlreadyExists) throw error; // back in a room entered before (a reload)
    });
    const history = await chat.getHistory({ roomName: this.name, limit: PAGE });
    for (const message of history.messages) this.deliver(message);
    this.olderDone = history.messages.length < PAGE;
    this.older.hidden = this.olderDone;
    this.scrollToEnd();
    this.older.onclick = () => void this.loadOlder();
    this.box.onscroll = () => {
      if (this.box.scrollTop < 40) void this.loadOlder();
    };
    void this.refreshPeople();
    this.peopleTimer = setInterval(() => void this.refreshPeople(), PEOPLE_REFRESH_MS);
    void this.follow();
  }

  /** Stops following (the stream is cancelled); the membership stays. */
  close(): void {
    this.stop.abort();
    clearInterval(this.peopleTimer);
    this.box.onscroll = null;
    showConnection('offline');
  }

  async leave(): Promise<void> {
    await chat.leaveRoom({ roomName: this.name, personName: this.me });
    this.close();
  }

  send(text: string): void {
    void this.trySend({ msgId: newMsgId(), person: this.me, text });
  }

  /** What the page shows, in order (for people: the DOM; for tests: this). */
  lines(): Delivered[] {
    return this.timeline.lines();
  }

  /** The stream, resubscribed after every cut from the newest seq shown, with backoff and jitter. */
  private async follow(): Promise<void> {
    const { signal } = this.stop;
    for (let attempt = 0; !signal.aborted; ) {
      showConnection(attempt === 0 ? 'connecting' : 'reconnecting');
      try {
        const stream = chat.subscribe(
          { roomName: this.name, personName: this.me, afterSeq: BigInt(this.timeline.newest) },
          { signal, timeoutMs: 0 },
        );
        // gRPC-Web's headers come with the first message, so "live" is said once the call is made and not refused.
        const liveSoon = setTimeout(() => showConnection('live'), 300);
        try {
          for await (const message of stream) {
            attempt = 0;
            showConnection('live');
            this.deliver(message);
          }
        } finally {
          clearTimeout(liveSoon);
        }
        if (signal.aborted) return;
        notice(`Room ${this.name} was deleted.`);
        this.close();
        this.hooks.closed();
        return;
      } catch (error) {
        if (signal.aborted) return;
        const { code } = ConnectError.from(error);
        if (code === Code.Unauthenticated) return this.hooks.signedOut(sentence(error));
        if (FINAL.has(code)) {
          notice(sentence(error));
          this.close();
          return this.hooks.closed();
        }
        const wait = backoffMs(attempt++, error);
        showConnection('reconnecting', `in ${Math.ceil(wait / 1000)} s`);
        await sleep(wait);
      }
    }
  }

  private deliver(message: Pick<ChatMessage, 'serverSeq' | 'personName' | 'text' | 'msgId' | 'serverTsMs'>): void {
    const placement = this.timeline.deliver(toLine(message));
    if (placement.kind === 'duplicate') return;
    const { line, before } = placement;
    const atEnd = this.nearEnd();
    if (line.person === this.me) this.pendingItem(line.msgId)?.remove();
    const item = this.item(line);
    const next =
      before === undefined ? this.list.querySelector('li.pending, li.failed') : this.list.querySelector(`li[data-seq="${before}"]`);
    this.list.insertBefore(item, next);
    if (atEnd && before === undefined) this.scrollToEnd();
    if (!this.people.has(line.person)) void this.refreshPeople();
  }

  private item(line: Delivered): HTMLLIElement {
    const item = el('li', '', { 'data-seq': String(line.seq) }) as HTMLLIElement;
    if (line.person === this.me) item.classList.add('mine');
    item.append(el('span', line.person, { class: 'who' }), el('span', line.text, { class: 'text' }));
    item.append(el('time', clock(line.serverTsMs), { class: 'when', datetime: new Date(line.serverTsMs).toISOString() }));
    return item;
  }

  private pendingItem(msgId: string): HTMLElement | null {
    return this.list.querySelector(`li[data-msg-id="${CSS.escape(msgId)}"]`);
  }

  private showPending(pending: Pending, state: string): void {
    let item = this.pendingItem(pending.msgId);
    if (!item) {
      item = el('li', '', { 'data-msg-id': pending.msgId });
      this.list.append(item);
    }
    item.className = pending.failure ? 'mine failed' : 'mine pending';
    item.replaceChildren(el('span', pending.person, { class: 'who' }), el('span', pending.text, { class: 'text' }));
    item.append(el('span', pending.failure ?? state, { class: 'state' }));
    if (pending.failure) {
      const retry = el('button', 'Retry', { type: 'button', class: 'secondary' });
      retry.onclick = () => void this.trySend({ ...pending, failure: undefined });
      item.append(retry);
    }
    this.scrollToEnd();
  }

  private async trySend(pending: Pending): Promise<void> {
    this.timeline.pending.set(pending.msgId, pending);
    this.showPending(pending, 'sending…');
    const request = { roomName: this.name, personName: this.me, text: pending.text, msgId: pending.msgId, clientTsMs: BigInt(Date.now()) };
    try {
      const reply = await withRetries(
        () => chat.sendMessage(request),
        SEND_TRIES,
        () => this.showPending(pending, 'retrying…'),
      );
      this.deliver({ ...request, serverSeq: reply.serverSeq, serverTsMs: reply.serverTsMs, personName: this.me });
    } catch (error) {
      if (ConnectError.from(error).code === Code.Unauthenticated) return this.hooks.signedOut(sentence(error));
      if (!this.timeline.pending.has(pending.msgId)) return; // delivered by the stream meanwhile
      const failed = { ...pending, failure: sentence(error) };
      this.timeline.pending.set(pending.msgId, failed);
      this.showPending(failed, '');
    }
  }

  private async loadOlder(): Promise<void> {
    if (this.loadingOlder || this.olderDone || this.timeline.size === 0) return;
    this.loadingOlder = true;
    try {
      const page = await chat.getHistory({ roomName: this.name, limit: PAGE, beforeSeq: BigInt(this.timeline.oldest) });
      const fromEnd = this.box.scrollHeight - this.box.scrollTop;
      for (const message of page.messages) this.deliver(message);
      this.box.scrollTop = this.box.scrollHeight - fromEnd; // the line being read stays where it was
      this.olderDone = page.messages.length < PAGE;
      this.older.hidden = this.olderDone;
    } catch (error) {
      notice(sentence(error));
    } finally {
      this.loadingOlder = false;
    }
  }

  private async refreshPeople(): Promise<void> {
    try {
      const { people } = await chat.getPeople({ roomName: this.name });
      this.people.clear();
      for (const person of people) this.people.add(person);
      byId('people-count').textContent = `${people.length} ${people.length === 1 ? 'person' : 'people'} here`;
      byId('people').replaceChildren(...[...people].sort().map((person) => el('li', person)));
    } catch {
      // The stream and the sends say what is wrong; the list keeps what it showed.
    }
  }

  private nearEnd(): boolean {
    return this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight < 60;
  }

  private scrollToEnd(): void {
    this.box.scrollTop = this.box.scrollHeight;
  }
}
