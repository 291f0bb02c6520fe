// What an uploaded file really is, read from its first bytes. The file name and the declared
// Content-Type come from the client and can say anything (an .exe renamed .pdf), so only the
// magic bytes decide.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors.ts';

export const PROOF_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ProofMediaType = (typeof PROOF_MEDIA_TYPES)[number];

/** 10 MB: a phone photo or a scanned certificate fits; a video does not. */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;

export const UNSUPPORTED_TYPE_MESSAGE = '文件类型不支持：只接受 PDF、JPG、PNG（按文件内容判断，而非扩展名）';
export const TOO_LARGE_MESSAGE = '文件过大：不超过 10 MB';
export const EMPTY_FILE_MESSAGE = '文件为空：请重新选择或重新拍照';

/**
 * The media type the bytes carry, or undefined when they are none of PDF, JPEG and PNG.
 *
 * @example
 *   await sniffFileType(readFileSync('scan.pdf')) // 'application/pdf'
 */
export async function sniffFileType(bytes: Uint8Array): Promise<ProofMediaType | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  return PROOF_MEDIA_TYPES.find((type) => type === found?.mime);
}

/** Checks size and content of an upload; returns its real media type or throws the Chinese error. */
export async function acceptProofFile(bytes: Uint8Array): Promise<ProofMediaType> {
  if (bytes.byteLength === 0) throw new AppError('validation_failed', EMPTY_FILE_MESSAGE);
  if (bytes.byteLength > MAX_PROOF_BYTES) throw new AppError('payload_too_large', TOO_LARGE_MESSAGE);
  const type = await sniffFileType(bytes);
  if (!type) throw new AppError('unsupported_media_type', UNSUPPORTED_TYPE_MESSAGE);
  return type;
}
