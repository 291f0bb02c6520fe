// Where stored documents and uploads live. Content-addressed: a file's name is the SHA-256 of its
// bytes, so a stored file cannot change without its name (and every ledger entry that cites it)
// disagreeing. Two implementations fill this interface: the local disk under DATA_DIR/files
// (the default) and S3-compatible object storage (FILE_STORE_URL=s3://bucket/prefix) for
// instances on separate machines; src/storage/open-file-store.ts picks one.

export interface StoredBytes {
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Idempotent: storing the same bytes twice keeps one copy. */
  put(bytes: Uint8Array): Promise<StoredBytes>;
  /** Throws AppError('not_found') when no file has that hash. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** Idempotent: deleting a file that is not there is not an error (retention, 个人信息保护法 第四十七条). */
  delete(sha256: string): Promise<void>;
  /** Every stored hash, in no particular order (for `sentinel backup`). */
  list(): AsyncIterable<string>;
}
