// Colour of the employment-status tag: calm for normal states, warm for ones HR must act on.
import type { TagType } from 'vant';

const statusTagTypes: Record<string, TagType> = {
  ONBOARDING: 'primary',
  ACTIVE: 'success',
  UNPAID_LEAVE: 'warning',
  PENDING_EXIT: 'warning',
  ABSCONDED: 'danger',
  EXITED: 'default',
};

export function statusTagType(status: string): TagType {
  return statusTagTypes[status] ?? 'default';
}
