/**
 * Configuration from the environment, read and checked once at start. Every
 * setting goes through one reader that collects problems instead of throwing
 * at the first, so a bad deployment is told everything that is wrong at once.
 */
export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export interface EnvReader {
  /** The value, or `fallback` when unset or empty. */
  text(name: string, fallback: string): string;
  /** The value, or undefined when unset or empty. */
  optional(name: string): string | undefined;
  integer(name: string, fallback: number, min: number, max: number): number;
  port(name: string, fallback: number): number;
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T;
  /** AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1 (what local endpoints accept). */
  region(): string;
  /** TABLE_PREFIX: what physical table names start with. */
  tablePrefix(fallback: string): string;
  /** REPLICA: the server's name in logs and in replies' `x-served-by` header. */
  replica(fallback: string): string;
  /** Reports a problem that no single variable's check can see. */
  problem(message: string): void;
}

/** Runs `read` over `env`; throws one ConfigError listing every problem it found. */
export function readEnv<T>(env: Env, read: (reader: EnvReader) => T): T {
  const problems: string[] = [];
  const optional = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const matching = (name: string, fallback: string, pattern: RegExp, rule: string) => {
    const value = optional(name) ?? fallback;
    if (!pattern.test(value)) problems.push(`${name} ${rule} (got "${value}")`);
    return value;
  };
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  };
  const reader: EnvReader = {
    text: (name, fallback) => optional(name) ?? fallback,
    optional,
    integer,
    port: (name, fallback) => integer(name, fallback, 0, 65535),
    oneOf(name, values, fallback) {
      const value = optional(name) ?? fallback;
      if ((values as readonly string[]).includes(value)) return value as typeof fallback;
      problems.push(`${name} must be ${values.join(' or ')} (got "${value}")`);
      return fallback;
    },
    region: () => optional('AWS_REGION') ?? optional('AWS_DEFAULT_REGION') ?? 'us-east-1',
    tablePrefix: (fallback) => matching('TABLE_PREFIX', fallback, /^[A-Za-z0-9_.-]*$/, 'may hold only letters, digits, _ . -'),
    replica: (fallback) => matching('REPLICA', fallback, /^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits, _ . : -'),
    problem: (message) => problems.push(message),
  };
  const result = read(reader);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return result;
}

/**
 * The variables that `readers` read and `env` sets, secrets left out: the settings a process started
 * with `env` was given beyond its defaults (what a load run records, so a tuned run is told from a default one).
 */
export function settingsGiven(env: Env, readers: ((env: Env) => unknown)[]): Record<string, string> {
  const names = new Set<string>();
  const recording = new Proxy({} as Env, {
    get: (_target, name) => {
      if (typeof name === 'string') names.add(name);
      return undefined;
    },
  });
  for (const read of readers) {
    try {
      read(recording);
    } catch {
      // Nothing set: the reader complains of what is required, after reading every name.
    }
  }
  const given = [...names].filter((name) => env[name] !== undefined && env[name] !== '' && !/KEY|SECRET|PASSWORD/.test(name));
  return Object.fromEntries(given.sort().map((name) => [name, env[name] as string]));
}
