// What happens in the simulated month of two-instances-month*.test.ts: who is hired, enrolled,
// absent, resigns, leaves or transfers on which day, all through the HTTP API (either instance in turn),
// the platform's 打卡 or clicks on the approval, resignation and absence cards; and what must hold at the end
// besides exactly-once delivery. The platform (WeCom or DingTalk) comes in as a MonthPlatform.
import { expect } from 'vitest';
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE, APPROVAL_APPROVE, EXIT_ACCEPT_RESIGNATION } from '../../cards/action-ids.ts';
import { EXIT_RESIGNATION_CARD } from '../../cards/exit-resignation-card.ts';
import { APPROVAL_STEP_SUBJECT } from '../../src/services/approvals/queue-approval-cards.ts';
import { addDays, dayIn } from '../../src/domain/dates.ts';
import type { Db } from '../../src/db/client.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { waitFor } from '../outbox/outbox-kit.ts';

export const MONTH_DAYS = Array.from({ length: 30 }, (_, i) => addDays('2026-11-01', i));
export const REPORT_DAY = '2026-12-01';

const HIRED_1020 = Array.from({ length: 32 }, (_, i) => `N${100 + i}`);
const HIRED_1014 = ['N132', 'N133', 'N134'];
const STAFF = Array.from({ length: 12 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);
/** S001 never comes back (unreachable → notice), S002 neither (unanswered → HR), S003 is back after three days. */
const ABSENT_FROM = '2026-11-16';
const BACK_ON: Record<string, string | undefined> = { S001: undefined, S002: undefined, S003: '2026-11-19' };
const LEAVER = 'S010';
const EXIT_DAY = '2026-11-20';
const TRANSFERRED = 'S011';
/**
 * Gives 30 days' notice from the H5 on 11-09; an HR specialist clicks 确认收到 on the card. The
 * API takes a last day from today (the real one) on, so it lies after the simulated month.
 */
const RESIGNER = 'S009';
const RESIGN_DAY = '2026-11-09';
/** A retired pensioner re-employed: asks for the lawful exception on 11-03, HR submits, the HR manager approves. */
const PENSIONER = 'S012';
const NEW_HIRES = ['P001', 'P002', 'P003', 'P004'];

const PLATFORM_IDS: Record<string, string> = { H001: 'hr-a', H002: 'hr-b', H003: 'hr-m', M001: 'mgr' };
const userOf = (no: string) => PLATFORM_IDS[no] ?? `u-${no.toLowerCase()}`;
export const isWorkday = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** 2 HR specialists, an HR manager, a line manager, 12 enrolled staff, 35 hires not yet enrolled. */
export function rosterCsv(platform: MonthPlatform): string {
  const rows = [`工号,姓名,入职日期,部门,${platform.userIdColumn},角色,社保增员日期,直属上级工号`];
  rows.push(`H001,人事甲,2020-01-06,人力资源部,${userOf('H001')},人事专员,2020-01-06,`);
  rows.push(`H002,人事乙,2020-01-06,人力资源部,${userOf('H002')},人事专员,2020-01-06,`);
  rows.push(`H003,经理丁,2020-01-06,人力资源部,${userOf('H003')},人事经理,2020-01-06,`);
  rows.push(`M001,主管戊,2020-01-06,生产部,${userOf('M001')},员工,2020-01-06,`);
  STAFF.forEach((no, i) => rows.push(`${no},老员工${i},2021-03-01,生产部,${userOf(no)},员工,2021-03-01,M001`));
  HIRED_1020.forEach((no, i) => rows.push(`${no},新员工${i},2026-10-20,生产部,${userOf(no)},员工,,M001`));
  HIRED_1014.forEach((no, i) => rows.push(`${no},早员工${i},2026-10-14,生产部,${userOf(no)},员工,,M001`));
  return `${rows.join('\n')}\n`;
}

type Api = (method: string, path: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>;

/** What the month needs of a chat platform and its fake. */
export interface MonthPlatform {
  name: 'wecom' | 'dingtalk';
  /** The roster import's column of the member's platform id. */
  userIdColumn: string;
  /** The member clocks in at 09:00 China time on the day, in the platform's 打卡 (pulled by attendance-sync). */
  clockIn(userId: string, day: string): void;
  /**
   * The member clicks a button on a card the fake holds; the platform delivers the click to both
   * instances at once, as a retry behind a load balancer (or a redelivery on another Stream
   * connection) may. Resolves to the key of the one card update the click must cause.
   */
  click(o: { by: string; cardKey: string; actionId: string }): Promise<string>;
  /** The card updates the fake received, as keys like click's, for the clicked cards only. */
  updatesOf(clicks: string[]): string[];
  /** File messages the member received. */
  filesTo(userId: string): number;
}

/** Enrolments by the day they are recorded: on time, after the day-23 card, after day 28; N131 never. */
const ENROL_ON: Record<string, string[]> = {
  '2026-11-04': ['N132', ...NEW_HIRES],
  '2026-11-10': ['N133', 'N134'],
  '2026-11-12': HIRED_1020.slice(0, 16),
  '2026-11-17': HIRED_1020.slice(16, 28),
  '2026-11-20': HIRED_1020.slice(28, 31),
};

export async function monthPlan(o: { db: Db; api: Api; platform: MonthPlatform; sessionOf: (employeeId: string) => Promise<string> }) {
  const ids = new Map((await o.db.employee.findMany({ select: { id: true, employeeNo: true } })).map((e) => [e.employeeNo, e.id]));
  const idOf = (no: string) => ids.get(no) ?? expect.fail(`no employee ${no}`);
  const answered = new Set<string>();
  /** The clicks on cards, as the keys of the card updates they must cause. */
  const clicked: string[] = [];
  const platform = o.platform.name;
  let noticeSent = false;

  const clocksIn = (no: string, day: string) => {
    if (no in BACK_ON && day >= ABSENT_FROM && (BACK_ON[no] === undefined || day < BACK_ON[no]!)) return false;
    if (no === LEAVER && day > EXIT_DAY) return false;
    if (NEW_HIRES.includes(no) && day < '2026-11-02') return false;
    return true;
  };

  async function before(day: string): Promise<void> {
    if (day === '2026-11-02') {
      for (const [i, no] of NEW_HIRES.entries()) {
        const created = await o.api('POST', '/employees', { employeeNo: no, name: `按时员工${i}`, startDate: day, department: '生产部', managerEmployeeNo: 'M001', identities: { [platform]: userOf(no) } });
        ids.set(no, String(created.id));
      }
      await o.api('POST', '/transfers', { employeeId: idOf(TRANSFERRED), fromCity: '南京', toCity: '上海', direction: 'INTO', startedOn: day });
    }
    for (const no of ENROL_ON[day] ?? []) await o.api('POST', `/employees/${idOf(no)}/enrolment`, { enrolledOn: addDays(day, -1), reason: '已在社保网厅办理增员' });
    if (day === '2026-11-03') await requestAndApproveException();
    if (day === RESIGN_DAY) {
      const lastDay = addDays(dayIn('Asia/Shanghai', new Date()), 30);
      await o.api('POST', '/resignations', { lastDay, reason: '个人发展' }, await o.sessionOf(idOf(RESIGNER)));
    }
    if (day === EXIT_DAY) {
      await o.api('POST', '/exits/mutual', { employeeId: idOf(LEAVER), exitDate: EXIT_DAY, agreedOn: '2026-11-06', reason: '员工提出协商一致解除', proposedBy: 'employee' });
    }
    if (day > MONTH_DAYS.at(-1)! || !isWorkday(day)) return;
    const everyone = ['H001', 'H002', 'H003', 'M001', ...STAFF, ...HIRED_1020, ...HIRED_1014, ...NEW_HIRES];
    for (const no of everyone.filter((n) => clocksIn(n, day))) o.platform.clockIn(userOf(no), day);
  }

  async function requestAndApproveException(): Promise<void> {
    const [asEmployee, asHr] = await Promise.all([PENSIONER, 'H001'].map((no) => o.sessionOf(idOf(no))));
    const asked = await o.api('POST', '/exceptions', { reasonCategory: 'RETIRED_PENSIONER' }, asEmployee);
    const id = String((asked.exception as { id: string }).id);
    await o.api('POST', '/signatures', {
      template: 'insurance-exception-declaration', subjectId: id, typedName: '老员工11', statementAccepted: true, signaturePng: `data:image/png;base64,${signedPng().toString('base64')}`,
    }, asEmployee);
    const proof = new FormData();
    for (const [k, v] of Object.entries({ kind: 'PENSION_CERTIFICATE', consent: 'true', exceptionId: id, coversMonth: '2026-10' })) proof.append(k, v);
    proof.append('file', new Blob([new Uint8Array(pdfBytes())], { type: 'application/pdf' }), '退休证.pdf');
    await o.api('POST', '/proofs', proof, asEmployee);
    await o.api('POST', `/exceptions/${id}/submit`, undefined, asHr);
    // The HR manager approves in chat: 同意 on the approval card.
    const { approvalId } = await o.db.insuranceException.findUniqueOrThrow({ where: { id } });
    const step = await o.db.approvalStep.findFirstOrThrow({ where: { approvalId: approvalId ?? expect.fail('the exception was submitted without an approval') }, orderBy: { index: 'asc' } });
    const card = await waitFor('the approval card', () => o.db.cardInstance.findFirst({ where: { subjectType: APPROVAL_STEP_SUBJECT, subjectId: step.id, platform } }), 30_000);
    clicked.push(await o.platform.click({ by: userOf('H003'), cardKey: card.cardKey, actionId: APPROVAL_APPROVE }));
    await expect.poll(async () => (await o.db.insuranceException.findUniqueOrThrow({ where: { id } })).status, { timeout: 30_000, interval: 100, message: "the HR manager's click on the approval card" }).toBe('APPROVED');
  }

  /**
   * The line manager answers the absence cards in chat (S002's is left unanswered): S001 无法联系,
   * S003 已联系上. HR sends S001's first notice.
   */
  async function after(): Promise<void> {
    const open = await o.db.absenceCase.findMany({ where: { state: 'OPEN', trigger: 'attendance' } });
    for (const c of open) {
      const no = [...ids].find(([, id]) => id === c.employeeId)?.[0];
      if (no === 'S002' || no === undefined || answered.has(c.id)) continue;
      answered.add(c.id);
      const card = await o.db.cardInstance.findFirstOrThrow({ where: { subjectType: 'absence_case', subjectId: c.id, platform } });
      clicked.push(await o.platform.click({ by: userOf('M001'), cardKey: card.cardKey, actionId: no === 'S001' ? ABSENCE_UNREACHABLE : ABSENCE_CONTACTED }));
      await expect.poll(async () => (await o.db.absenceCase.findUniqueOrThrow({ where: { id: c.id } })).state, { timeout: 30_000, interval: 100, message: `the manager's click on ${no}'s absence card` })
        .toBe(no === 'S001' ? 'UNREACHABLE' : 'CONTACTED');
    }
    // An HR specialist acknowledges the resignation in chat: 确认收到.
    const resignation = await o.db.exitProcess.findFirst({ where: { employeeId: idOf(RESIGNER), kind: 'RESIGNATION', state: 'REQUESTED' } });
    if (resignation && !answered.has(resignation.id)) {
      answered.add(resignation.id);
      const card = await o.db.cardInstance.findFirstOrThrow({ where: { subjectType: 'exit_process', subjectId: resignation.id, type: EXIT_RESIGNATION_CARD, platform } });
      clicked.push(await o.platform.click({ by: userOf('H001'), cardKey: card.cardKey, actionId: EXIT_ACCEPT_RESIGNATION }));
      await expect.poll(async () => (await o.db.exitProcess.findUniqueOrThrow({ where: { id: resignation.id } })).state, { timeout: 30_000, interval: 100, message: "HR's click on the resignation card" }).toBe('ACCEPTED');
    }
    const process = await o.db.exitProcess.findFirst({ where: { employeeId: idOf('S001'), kind: 'ABSENCE' } });
    if (process && !noticeSent) {
      noticeSent = true;
      await o.api('POST', `/exits/${process.id}/notices`, { round: 1 });
    }
  }

  async function check(cards: { type: string; subjectId: string | null; recipients: unknown }[]): Promise<void> {
    const alertsOf = async (nos: string[]) => o.db.alert.findMany({ where: { employeeId: { in: nos.map(idOf) } } });
    // Enrolled in time: never an alert; N131 (never enrolled): day 23, day 28 and repeated overdue ones.
    expect(await alertsOf(['N132', ...NEW_HIRES])).toEqual([]);
    const late = await alertsOf(['N131']);
    expect(late.filter((a) => a.stage.includes('overdue')).length, JSON.stringify(late.map((a) => a.stage))).toBeGreaterThan(1);
    const cases = await o.db.absenceCase.findMany({ where: { trigger: 'attendance' } });
    const caseOf = (no: string) => cases.filter((c) => c.employeeId === idOf(no));
    const summaries = async () => JSON.stringify((await o.db.jobRun.findMany({ where: { name: { in: ['attendance-sync', 'absence-detection'] } }, orderBy: { asOf: 'asc' } })).map((r) => `${r.name} ${r.asOf.toISOString().slice(0, 10)}: ${r.summary}`), null, 1);
    expect(cases.map((c) => [...ids].find(([, id]) => id === c.employeeId)?.[0]).sort(), await summaries()).toEqual(['S001', 'S002', 'S003']);
    expect(caseOf('S001')[0]?.state).toBe('UNREACHABLE');
    // Unanswered past the SLA: handed to HR as unreachable, with its own exit process.
    expect(caseOf('S002')[0]?.state).toBe('UNREACHABLE');
    expect(await o.db.exitProcess.count({ where: { employeeId: idOf('S002'), kind: 'ABSENCE' } })).toBe(1);
    // Contacted by the manager and back at work: no second case.
    expect(caseOf('S003')[0]?.state).toBe('CONTACTED');
    // Each click was taken once though both instances got it: one decision, one card update.
    expect(clicked).toHaveLength(4);
    const clickedCases = cases.filter((c) => ['S001', 'S003'].some((no) => c.employeeId === idOf(no))).map((c) => c.id);
    const decisions = await o.db.auditEvent.findMany({ where: { type: { in: ['absence.contacted', 'absence.unreachable'] } } });
    expect(decisions.map((e) => (e.data as { caseId: string }).caseId).filter((id) => clickedCases.includes(id)).sort()).toEqual([...clickedCases].sort());
    expect(o.platform.updatesOf(clicked).sort()).toEqual([...clicked].sort());
    const absence = await o.db.exitProcess.findFirstOrThrow({ where: { employeeId: idOf('S001'), kind: 'ABSENCE' } });
    expect(absence.state).toBe('NOTICE_1_SENT');
    // The return-to-work notice reached S001 once, as a PDF, through whichever instance uploaded it.
    expect(o.platform.filesTo(userOf('S001'))).toBe(1);
    const mutual = await o.db.exitProcess.findFirstOrThrow({ where: { employeeId: idOf(LEAVER), kind: 'MUTUAL_AGREEMENT' } });
    expect(await o.db.exitTask.count({ where: { processId: mutual.id } })).toBeGreaterThan(0);
    const transfer = await o.db.pensionTransfer.findFirstOrThrow({ where: { employeeId: idOf(TRANSFERRED) } });
    const types = new Set(cards.map((c) => c.type));
    expect(types.size, [...types].join(',')).toBeGreaterThan(3);
    expect(transfer.state).toBe('OPEN');
    const resignation = await o.db.exitProcess.findFirstOrThrow({ where: { employeeId: idOf(RESIGNER), kind: 'RESIGNATION' } });
    expect(resignation.state).toBe('ACCEPTED');
    expect(await o.db.auditEvent.count({ where: { type: 'exit.accepted', subjectId: resignation.id } })).toBe(1);
    const exception = await o.db.insuranceException.findFirstOrThrow({ where: { employeeId: idOf(PENSIONER) } });
    expect(exception.status).toBe('APPROVED');
    const decided = await o.db.approvalDecision.findMany({ where: { step: { approvalId: exception.approvalId as string } } });
    expect(decided.map((d) => [d.decision, d.channel])).toEqual([['APPROVE', platform]]);
  }

  return { before, after, check };
}
