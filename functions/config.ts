/**
 * Configuration of the functions, read and checked once. Every problem is
 * reported together, so a bad deployment fails at start with one clear message.
 */
export interface FunctionsConfig {
  /** development allows a generated JWT secret; anything else requires JWT_SECRET. */
  env: 'development' | 'production';
  tablePrefix: string;
  dynamo: { endpoint?: string; region: string };
  /** Undefined only in development when JWT_SECRET is unset: the caller supplies one. */
  jwtSecret?: string;
  tokenTtlSeconds: number;
  scryptLogN: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function readFunctionsConfig(env: Env = process.env): FunctionsConfig {
  const problems: string[] = [];
  const chatEnv = env.CHAT_ENV ?? 'production';
  if (chatEnv !== 'development' && chatEnv !== 'production') problems.push(`CHAT_ENV must be development or production (got "${chatEnv}")`);
  const jwtSecret = env.JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (jwtSecret === undefined && chatEnv !== 'development') {
    problems.push('JWT_SECRET is required (only CHAT_ENV=development may generate one)');
  }
  const tablePrefix = env.TABLE_PREFIX ?? 'chat-';
  if (!/^[A-Za-z0-9_.-]*$/.test(tablePrefix)) problems.push('TABLE_PREFIX may hold only letters, digits, _ . -');
  const config: FunctionsConfig = {
    env: chatEnv === 'development' ? 'development' : 'production',
    tablePrefix,
    dynamo: {
      endpoint: env.DYNAMODB_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    },
    jwtSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600, problems),
    scryptLogN: integer(env, 'SCRYPT_LOG_N', 14, 10, 20, problems),
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
