// The API names a calendar day's kind in lower case; the database enum in upper case.
import type { CalendarDayKind } from '../../generated/prisma/enums.ts';

export const CALENDAR_KIND_NAMES = ['statutory', 'company'] as const;
export type CalendarKindName = (typeof CALENDAR_KIND_NAMES)[number];

export const calendarDayKind = (name: CalendarKindName): CalendarDayKind => (name === 'statutory' ? 'STATUTORY' : 'COMPANY');
export const calendarKindName = (kind: CalendarDayKind): CalendarKindName => (kind === 'STATUTORY' ? 'statutory' : 'company');
