/** The page's shared bits of DOM: lookups, the notice line, the connection badge. */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** A new element with text and attributes. */
export function el(tag: string, text = '', attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** One line at the top for what the person must know now; '' hides it. */
export function notice(text: string): void {
  const line = byId('notice');
  line.textContent = text;
  line.hidden = text === '';
}

export type Connection = 'offline' | 'connecting' | 'live' | 'reconnecting';

const LABELS: Record<Connection, string> = {
  offline: 'offline',
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
};

export function showConnection(state: Connection, detail = ''): void {
  const badge = byId('connection');
  badge.dataset.state = state;
  badge.textContent = detail ? `${LABELS[state]} ${detail}` : LABELS[state];
}

export const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
