// FILE_STORE_URL = s3://bucket/prefix: which bucket, and the key prefix inside it.
import type { S3Location } from './s3-file-store.ts';

// S3 bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens, starting and ending
// with a letter or digit.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** The location `s3://bucket[/prefix]` names, or undefined when the text is not such a URL. */
export function parseFileStoreUrl(text: string): S3Location | undefined {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(text.trim());
  if (!m || !BUCKET.test(m[1] as string)) return undefined;
  const prefix = (m[2] ?? '').replace(/\/+$/, '');
  const segments = prefix === '' ? [] : prefix.split('/');
  if (segments.some((s) => !PREFIX_SEGMENT.test(s) || s === '.' || s === '..')) return undefined;
  return { bucket: m[1] as string, prefix };
}
