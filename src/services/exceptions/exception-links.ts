// Where the H5 pages of an exception live (app.json pages; the sign and upload pages are H4's).
import { DECLARATION_TEMPLATE } from '../../domain/exceptions/reason-categories.ts';

export const exceptionPageUrl = (base: string, id: string) => `${base}/app/exceptions/${id}`;
export const declarationSignUrl = (base: string, id: string) => `${base}/app/sign/${DECLARATION_TEMPLATE}/${id}`;
export const proofUploadUrl = (base: string, id: string, kind: string) => `${base}/app/proofs/upload?exceptionId=${id}&kind=${kind}`;

/** Card keys: `<prefix>-<uuid without dashes>[-<part>]-<platform>`, valid as WeCom task_id / DingTalk outTrackId. */
export const exceptionCardKey = (prefix: string, id: string, platform: string, part?: string) =>
  [prefix, id.replaceAll('-', ''), ...(part ? [part] : []), platform].join('-');
