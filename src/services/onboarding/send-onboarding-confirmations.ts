// Daily: every hire whose start date has come gets a 新员工到岗确认 card to HR on each chat
// platform, once. The card, its outbox message and the audit event commit together, so a crash
// never leaves a card that was recorded but not sent (or sent twice).
import { buildOnboardingConfirmCard, ONBOARDING_CONFIRM_CARD } from '../../../cards/onboarding-confirm-card.ts';
import { systemActor, type Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn, type CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';

export interface SendOnboardingConfirmationsOptions {
  /** 'YYYY-MM-DD' in BUSINESS_TZ: hires starting on or before this day. */
  asOf: string;
  /** Where to send: the configured chat platforms, or ['sandbox']. */
  platforms: readonly Platform[];
  /** PUBLIC_BASE_URL for the 详情 link; '' keeps it relative (fine for the same-origin sandbox). */
  publicBaseUrl: string;
  batchSize?: number;
  actor?: Actor;
}

export interface SendOnboardingConfirmationsResult {
  /** Hires still missing a card on at least one platform. */
  found: number;
  /** Cards created and queued. */
  queued: number;
  /** Platforms with no HR person to send to: their cards wait for the next run. */
  withoutRecipients: Platform[];
}

/** `onb-<employee uuid without dashes>-<platform>`: 45 characters, valid as task_id and outTrackId. */
export function onboardingCardKey(employeeId: string, platform: Platform): string {
  return `onb-${employeeId.replaceAll('-', '')}-${platform}`;
}

/**
 * @example
 *   await sendOnboardingConfirmations(deps, { asOf: '2026-12-21', platforms: ['sandbox'], publicBaseUrl: '' })
 *   // → { found: 2, queued: 2, withoutRecipients: [] }; a second run → { found: 0, queued: 0, … }
 */
export async function sendOnboardingConfirmations(deps: ServiceDeps, opts: SendOnboardingConfirmationsOptions): Promise<SendOnboardingConfirmationsResult> {
  const batchSize = opts.batchSize ?? 100;
  const actor = opts.actor ?? systemActor('onboarding-arrival-check');
  const recipients = await findHrRecipients(deps.db, opts.platforms);
  const result: SendOnboardingConfirmationsResult = { found: 0, queued: 0, withoutRecipients: opts.platforms.filter((p) => recipients.answering(p).length === 0) };
  // Walk by id, not by "still without a card": hires that cannot get a card (no HR on a
  // platform) must not be fetched again and again within one run.
  let cursor: string | undefined;
  for (;;) {
    const hires = await deps.db.employee.findMany({
      where: { status: 'ONBOARDING', startDate: { lte: parseDay(opts.asOf) }, ...(cursor && { id: { gt: cursor } }) },
      select: { id: true, name: true, position: true, startDate: true, department: { select: { name: true } } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (hires.length === 0) break;
    cursor = hires[hires.length - 1]?.id;
    const existing = await deps.db.cardInstance.findMany({
      where: { type: ONBOARDING_CONFIRM_CARD, subjectType: 'employee', subjectId: { in: hires.map((h) => h.id) } },
      select: { subjectId: true, platform: true },
    });
    const sent = new Set(existing.map((c) => `${c.subjectId}/${c.platform}`));
    const missing = hires.flatMap((hire) => opts.platforms.filter((p) => !sent.has(`${hire.id}/${p}`)).map((platform) => ({ hire, platform })));
    result.found += new Set(missing.map((m) => m.hire.id)).size;
    await deps.db.$transaction(async (tx) => {
      for (const { hire, platform } of missing) {
        // Nobody approves their own arrival.
        const to: CardRecipient[] = recipients.answering(platform).filter((r) => r.employeeId !== hire.id);
        if (to.length === 0) continue;
        const card = buildOnboardingConfirmCard({
          employee: { name: hire.name, department: hire.department.name, position: hire.position, startDate: formatDay(hire.startDate) ?? '' },
          key: onboardingCardKey(hire.id, platform),
          h5Url: `${opts.publicBaseUrl}/app/me`,
        });
        // skipDuplicates: a concurrent run (CLI beside the scheduler) that created it first wins, once.
        const { count } = await tx.cardInstance.createMany({
          data: [{ cardKey: card.key, platform, type: card.type, subjectType: 'employee', subjectId: hire.id, recipients: toJsonColumn(to), model: toJsonColumn(card) }],
          skipDuplicates: true,
        });
        if (count === 0) continue;
        const userIds = to.map((r) => r.userId);
        await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
        await writeAuditEvent(tx, actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'employee', id: hire.id });
        result.queued++;
      }
    });
    if (hires.length < batchSize) break;
  }
  return result;
}
