import type { Platform } from '../../generated/prisma/client.ts';

/** One person as a chat platform's directory lists them. */
export interface DirectoryUser {
  userId: string;
  name: string;
  mobile?: string;
  /** WeCom/DingTalk "工号" field when the company fills it in. */
  employeeNo?: string;
}

/** Where the directory comes from: the WeCom or DingTalk client (src/platforms). */
export interface DirectorySource {
  platform: Exclude<Platform, 'sandbox'>;
  listUsers(): Promise<DirectoryUser[]>;
}
