// The only module that reads the environment. Everything else receives a Config.
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { parseLedgerPrivateKey } from './crypto/ledger-key.ts';
import { parseFileStoreUrl } from './storage/file-store-url.ts';

const optionalText = z.string().trim().min(1).optional();
const url = (name: string) =>
  z.url({ message: `${name} must be an absolute http(s) URL, e.g. https://example.com` });
const httpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, message: `${name} must be an absolute http(s) URL, e.g. https://s3.example.com or http://127.0.0.1:9000` });

/** Every variable of the public contract (ARCHITECTURE.md §6), with its default. */
export const envSchema = z
  .object({
    PORT: z.coerce
      .number({ message: 'PORT must be a number' })
      .int('PORT must be a whole number')
      .min(1, 'PORT must be between 1 and 65535')
      .max(65535, 'PORT must be between 1 and 65535')
      .default(3000),
    HOST: z.string().trim().min(1, 'HOST must be a bind address such as 127.0.0.1').default('127.0.0.1'),
    // Proxies whose X-Forwarded-* headers are believed (src/http/client-address.ts); none by default.
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .refine(isProxyList, 'TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, e.g. 10.0.0.2,192.168.0.0/16'),
    PUBLIC_BASE_URL: url('PUBLIC_BASE_URL').optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://')
      .optional(),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    ADMIN_TOKEN: z.string().min(24, 'ADMIN_TOKEN must be at least 24 characters').optional(),
    SENTINEL_MASTER_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'SENTINEL_MASTER_KEY must be 32 bytes in base64')
      .optional(),
    // The evidence ledger's Ed25519 signing key, shared by every instance; otherwise kept in the
    // database, sealed with the master key (src/services/evidence/load-shared-ledger-key.ts).
    SENTINEL_LEDGER_KEY: z
      .string()
      .refine(isLedgerKey, 'SENTINEL_LEDGER_KEY must be an Ed25519 private key: PKCS#8 PEM or its DER in base64')
      .optional(),
    BUSINESS_TZ: z
      .string()
      .refine(isTimeZone, 'BUSINESS_TZ must be an IANA time zone such as Asia/Shanghai')
      .default('Asia/Shanghai'),
    SCHEDULER: z.enum(['on', 'off'], { message: 'SCHEDULER must be "on" or "off"' }).default('on'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WECOM_CORP_ID: optionalText,
    WECOM_AGENT_ID: optionalText,
    WECOM_SECRET: optionalText,
    WECOM_TOKEN: optionalText,
    WECOM_ENCODING_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, 'WECOM_ENCODING_AES_KEY must be exactly 43 letters and digits')
      .optional(),
    WECOM_API_BASE: url('WECOM_API_BASE').default('https://qyapi.weixin.qq.com'),
    DINGTALK_CLIENT_ID: optionalText,
    DINGTALK_CLIENT_SECRET: optionalText,
    DINGTALK_ROBOT_CODE: optionalText,
    DINGTALK_CARD_TEMPLATE_ID: optionalText,
    DINGTALK_API_BASE: url('DINGTALK_API_BASE').default('https://api.dingtalk.com'),
    DINGTALK_OAPI_BASE: url('DINGTALK_OAPI_BASE').default('https://oapi.dingtalk.com'),
    DINGTALK_STREAM_GATEWAY: url('DINGTALK_STREAM_GATEWAY').default(
      'https://api.dingtalk.com/v1.0/gateway/connections/open',
    ),
    DINGTALK_EVENT_TOKEN: optionalText,
    DINGTALK_EVENT_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, 'DINGTALK_EVENT_AES_KEY must be exactly 43 letters and digits')
      .optional(),
    CALLBACK_MAX_AGE_S: z.coerce
      .number({ message: 'CALLBACK_MAX_AGE_S must be a number of seconds' })
      .int()
      .min(0, 'CALLBACK_MAX_AGE_S must be 0 (off) or a positive number of seconds')
      .default(300),
    TSA_URL: url('TSA_URL').optional(),
    /** PEM file with the root certificate(s) the TSA's signing certificate must chain to; default: Node's public roots. */
    TSA_CA_FILE: optionalText,
    // Stored files on S3-compatible object storage instead of DATA_DIR/files (docs/operations.md).
    FILE_STORE_URL: z
      .string()
      .refine((v) => parseFileStoreUrl(v) !== undefined, 'FILE_STORE_URL must be s3://bucket or s3://bucket/prefix (a valid S3 bucket name; prefix of letters, digits, . _ - and /) / 文件存储地址应为 s3://桶名/前缀')
      .optional(),
    S3_ENDPOINT: httpUrl('S3_ENDPOINT').optional(),
    AWS_ENDPOINT_URL_S3: httpUrl('AWS_ENDPOINT_URL_S3').optional(),
    AWS_REGION: optionalText,
    AWS_ACCESS_KEY_ID: optionalText,
    AWS_SECRET_ACCESS_KEY: optionalText,
    AWS_SESSION_TOKEN: optionalText,
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be "true" or "false"' })
      .default('false')
      .transform((v) => v === 'true'),
  })
  .refine((env) => Boolean(env.AWS_ACCESS_KEY_ID) === Boolean(env.AWS_SECRET_ACCESS_KEY), {
    path: ['AWS_SECRET_ACCESS_KEY'],
    message: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither to use the SDK credential chain',
  })
  .transform((env) => ({
    ...env,
    PUBLIC_BASE_URL: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }));

export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse an env object (process.env in main, a literal in tests); throws ConfigError naming each bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${show(cleaned, i.path)})`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Reads the real process environment. Called once, by the composition roots. */
export function readProcessEnv(): Record<string, string | undefined> {
  return { ...process.env };
}

function show(raw: Record<string, string | undefined>, path: PropertyKey[]): string {
  const key = String(path[0]);
  if (/SECRET|TOKEN|KEY/.test(key)) return 'a value that is hidden here';
  return JSON.stringify(raw[key]);
}

function isProxyList(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

function isLedgerKey(text: string): boolean {
  try {
    parseLedgerPrivateKey(text);
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
