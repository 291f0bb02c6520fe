import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../src/config.ts';
import { loadSecrets } from '../../src/secrets.ts';
import { parseFileStoreUrl } from '../../src/storage/file-store-url.ts';

describe('configuration', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', BUSINESS_TZ: 'Asia/Shanghai', SCHEDULER: 'on', CALLBACK_MAX_AGE_S: 300 });
    expect(env.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(env.TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.2, 192.168.0.0/16,::1 ' }).TRUSTED_PROXIES).toEqual(['10.0.0.2', '192.168.0.0/16', '::1']);
    expect(env.WECOM_API_BASE).toBe('https://qyapi.weixin.qq.com');
    expect(env.DINGTALK_STREAM_GATEWAY).toBe('https://api.dingtalk.com/v1.0/gateway/connections/open');
  });

  it.each([
    ['PORT', 'abc', /PORT: PORT must be a number/],
    ['PORT', '70000', /PORT must be between 1 and 65535/],
    ['SCHEDULER', 'sometimes', /SCHEDULER must be "on" or "off"/],
    ['BUSINESS_TZ', 'Mars/Olympus', /BUSINESS_TZ must be an IANA time zone/],
    ['WECOM_ENCODING_AES_KEY', 'tooShort', /WECOM_ENCODING_AES_KEY must be exactly 43/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgresql/],
    ['SENTINEL_MASTER_KEY', 'c2hvcnQ=', /SENTINEL_MASTER_KEY must be 32 bytes/],
    ['CALLBACK_MAX_AGE_S', '-1', /CALLBACK_MAX_AGE_S must be 0/],
    ['TRUSTED_PROXIES', '10.0.0.1,proxy.example.com', /TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges/],
    ['TRUSTED_PROXIES', '10.0.0.0/33', /TRUSTED_PROXIES must be comma-separated/],
    ['FILE_STORE_URL', 'https://bucket.example.com/files', /FILE_STORE_URL must be s3:\/\/bucket or s3:\/\/bucket\/prefix.*文件存储地址应为 s3:\/\/桶名\/前缀/],
    ['FILE_STORE_URL', 's3://', /FILE_STORE_URL must be s3:\/\/bucket/],
    ['FILE_STORE_URL', 's3://Bad_Bucket/files', /FILE_STORE_URL must be s3:\/\/bucket/],
    ['FILE_STORE_URL', 's3://bucket/../other', /FILE_STORE_URL must be s3:\/\/bucket/],
    ['FILE_STORE_URL', 's3://bucket/a//b', /FILE_STORE_URL must be s3:\/\/bucket/],
    ['S3_ENDPOINT', 'localhost:9000', /S3_ENDPOINT must be an absolute http\(s\) URL/],
    ['S3_FORCE_PATH_STYLE', 'yes', /S3_FORCE_PATH_STYLE must be "true" or "false"/],
    ['AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE', /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it('never echoes a secret value in its error', () => {
    expect(() => parseEnv({ WECOM_ENCODING_AES_KEY: 'secret-value' })).toThrow(/hidden/);
    expect(() => parseEnv({ WECOM_ENCODING_AES_KEY: 'secret-value' })).not.toThrow(/secret-value/);
  });

  it('keeps stored files local unless FILE_STORE_URL names an S3 bucket', () => {
    expect(parseEnv({}).FILE_STORE_URL).toBeUndefined();
    expect(parseEnv({}).S3_FORCE_PATH_STYLE).toBe(false);
    const s3 = parseEnv({ FILE_STORE_URL: 's3://sentinel-files/prod/', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true', AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret' });
    expect(s3).toMatchObject({ FILE_STORE_URL: 's3://sentinel-files/prod/', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: true });
    expect(parseFileStoreUrl('s3://sentinel-files/prod/')).toEqual({ bucket: 'sentinel-files', prefix: 'prod' });
    expect(parseFileStoreUrl('s3://sentinel-files')).toEqual({ bucket: 'sentinel-files', prefix: '' });
    expect(() => parseEnv({ AWS_SECRET_ACCESS_KEY: 'the-secret-value' })).not.toThrow(/the-secret-value/);
  });

  it('derives PUBLIC_BASE_URL from PORT and strips a trailing slash', () => {
    expect(parseEnv({ PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(parseEnv({ PUBLIC_BASE_URL: 'https://hr.example.com/' }).PUBLIC_BASE_URL).toBe('https://hr.example.com');
  });
});

describe('secrets', () => {
  it('generates the admin token and master key once, mode 0600, and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-secrets-'));
    const first = loadSecrets(parseEnv({ DATA_DIR: dir }));
    const second = loadSecrets(parseEnv({ DATA_DIR: dir }));
    expect(first.adminToken.length).toBeGreaterThanOrEqual(24);
    expect(first.masterKey).toHaveLength(32);
    expect(second.adminToken).toBe(first.adminToken);
    expect([first.adminTokenCreated, second.adminTokenCreated]).toEqual([true, false]);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    for (const f of ['admin-token', 'master.key']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });

  it('prefers values from the environment and writes no file for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-secrets-'));
    const key = Buffer.alloc(32, 1).toString('base64');
    const s = loadSecrets(parseEnv({ DATA_DIR: dir, ADMIN_TOKEN: 'x'.repeat(30), SENTINEL_MASTER_KEY: key }));
    expect(s.adminToken).toBe('x'.repeat(30));
    expect(s.sources).toEqual({ adminToken: 'env', masterKey: 'env' });
    expect(() => statSync(join(dir, 'master.key'))).toThrow();
  });
});
