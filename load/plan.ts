/**
 * The load scenarios the runner knows: the original tester's 4–11 (login
 * storms, then two-minute chats, at 10…5,000 users), routing over replicas,
 * the original tester's own one-room chats (13–15), and smoke versions that
 * run in seconds. Each is a YAML file of
 * load/scenarios/ plus the Artillery phases and variables for its user count.
 */

export type ScenarioKind = 'login' | 'chat' | 'routing';

/** The call each kind of scenario is about: its latency is the run's headline figure. */
export const MAIN_RPC: Record<ScenarioKind, string> = { login: 'Login', chat: 'SendMessage', routing: 'ListRooms' };

export interface LoadScenario {
  /** '04' … '12', or 'smoke-login' etc.; part of the run's file name. */
  id: string;
  kind: ScenarioKind;
  users: number;
  smoke: boolean;
  /** Artillery `--overrides`: the arrival phase. */
  phases: { name: string; duration: number; arrivalRate: number }[];
  /** Artillery `--variables`. */
  variables: Record<string, string | number>;
  /** Roughly how long it runs, for progress. */
  expectedSeconds: number;
  /** Its scenario file, when not the one of its kind (load/scenarios/<kind>.yml). */
  file?: string;
  /** `ensure` latency limits replacing the file's (smoke runs pay cold starts). */
  thresholds?: Record<string, number>[];
}

const CHAT_MESSAGES = 24; // × 5 s = two minutes at 0.2 messages per user per second
/**
 * Chat users arrive at most this fast: well below the login (KDF) bound of
 * ~60/s on 2 cores, which the chat traffic and the load generator share, so the
 * chat is measured and not a login storm (at 40/s, 5,000 users on the monolith
 * got logins at ~29/s and three in four timed out).
 */
const CHAT_ARRIVALS_PER_SECOND = 25;

const storm = (id: string, users: number): LoadScenario => ({
  id,
  kind: 'login',
  users,
  smoke: false,
  phases: [{ name: 'storm', duration: 10, arrivalRate: users / 10 }],
  variables: {},
  expectedSeconds: 10 + users / 50,
});

const chat = (id: string, users: number): LoadScenario => {
  const arrival = Math.max(10, Math.ceil(users / CHAT_ARRIVALS_PER_SECOND));
  return {
    id,
    kind: 'chat',
    users,
    smoke: false,
    phases: [{ name: 'arrive', duration: arrival, arrivalRate: users / arrival }],
    variables: { messages: CHAT_MESSAGES, interval: '5s', arrivalSeconds: arrival },
    expectedSeconds: arrival + 1 + (CHAT_MESSAGES + 1) * 5 + 6,
  };
};

/**
 * The original tester's chat as it ran it: every user in one room ("PerfRoom"),
 * 0.2 messages per user per second, no one following the room.
 */
const oneRoom = (id: string, users: number): LoadScenario => ({
  ...chat(id, users),
  file: 'load/scenarios/one-room.yml',
  variables: { ...chat(id, users).variables, roomSize: users },
});

/** What a smoke run's latency is checked on: it only proves the path works, so the limit is loose. */
const SMOKE_LATENCY_LIMIT_MS = 5_000;
const SMOKE_CHECKED: Record<ScenarioKind, string[]> = {
  login: ['grpc.response_time.Login.p99'],
  chat: ['grpc.response_time.SendMessage.p99', 'grpc.delivery_time.p99'],
  routing: ['grpc.response_time.ListRooms.p99'],
};

/**
 * Ten users arriving within 2 s: a scenario's quick version, what CI runs.
 * Its calls are among the first a fresh target serves (on the functions path,
 * cold starts of ~1 s), so only its correctness checks are strict.
 */
const smoke = (kind: ScenarioKind, variables: LoadScenario['variables'], expectedSeconds: number): LoadScenario => ({
  id: `smoke-${kind}`,
  kind,
  users: 10,
  smoke: true,
  phases: [{ name: 'arrive', duration: 2, arrivalRate: 5 }],
  variables,
  expectedSeconds,
  thresholds: SMOKE_CHECKED[kind].map((metric) => ({ [metric]: SMOKE_LATENCY_LIMIT_MS })),
});

export const SCENARIOS: LoadScenario[] = [
  storm('04', 10),
  storm('05', 100),
  storm('06', 1_000),
  storm('07', 5_000),
  chat('08', 10),
  chat('09', 100),
  chat('10', 1_000),
  chat('11', 5_000),
  {
    id: '12',
    kind: 'routing',
    users: 100,
    smoke: false,
    phases: [{ name: 'arrive', duration: 10, arrivalRate: 10 }],
    variables: { calls: 10 },
    expectedSeconds: 15,
  },
  oneRoom('13', 10),
  oneRoom('14', 100),
  oneRoom('15', 1_000),
  smoke('login', { giveUpSeconds: 10 }, 3),
  smoke('chat', { messages: 5, interval: '200ms', roomSize: 5, arrivalSeconds: 2, giveUpSeconds: 10 }, 8),
  smoke('routing', { calls: 3 }, 3),
];

/** Named sets for `--scenarios`; anything else is a comma list of ids. */
const SETS: Record<string, (s: LoadScenario) => boolean> = {
  all: (s) => !s.smoke,
  storms: (s) => !s.smoke && s.kind === 'login',
  chats: (s) => !s.smoke && s.kind === 'chat',
  'one-room': (s) => s.file === 'load/scenarios/one-room.yml',
  smoke: (s) => s.smoke,
};

export function selectScenarios(spec: string): LoadScenario[] {
  const inSet = SETS[spec];
  if (inSet) return SCENARIOS.filter(inSet);
  const ids = spec.split(',').map((id) => id.trim().padStart(2, '0'));
  const unknown = ids.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0)
    throw new Error(
      `unknown scenario ${unknown.join(', ')}: use ${Object.keys(SETS).join(', ')} or ids (${SCENARIOS.map((s) => s.id).join(', ')})`,
    );
  return SCENARIOS.filter((s) => ids.includes(s.id));
}

/** The scenario file a run uses. */
export const scenarioFile = (s: LoadScenario) => s.file ?? `load/scenarios/${s.kind}.yml`;

/** Artillery `--overrides` for a scenario: its arrival phase, and its latency limits if it has its own. */
export const artilleryOverrides = (s: LoadScenario) => ({
  config: { phases: s.phases, ...(s.thresholds ? { ensure: { thresholds: s.thresholds } } : {}) },
});
