// The bot's commands through the real router and listeners: what each answer queues in the
// outbox, and that an approval card sent in answer to 「待办」 decides the approval.
import { describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import type { CardModel } from '../../cards/card-model.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { dayIn } from '../../src/domain/dates.ts';
import { yearBounds } from '../../src/services/points/points-year.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { makeCompany, registerTestDefinitions, submit } from './approvals-kit.ts';

const t = await createTestDb();
registerTestDefinitions();
const router = createBotRouter(t.deps, listeners, createLogger('silent'));
let seq = 0;
async function say(operatorUserId: string, body: string): Promise<string> {
  const event: InboundEvent = { kind: 'message.text', platform: 'sandbox', deliveryId: `d-${++seq}`, operatorUserId, receivedAt: new Date(), text: body };
  await router.accept(event);
  await router.handle(event);
  return event.deliveryId;
}
const sentTo = async (userId: string) => (await t.db.outboxMessage.findMany({ where: { recipients: { equals: [userId] } }, orderBy: { createdAt: 'asc' } })).map((m) => JSON.parse(JSON.stringify(m.payload)) as { kind: string; text?: string; card?: CardModel });
const cardsTo = async (userId: string) => (await sentTo(userId)).filter((p) => p.kind === 'card').map((p) => p.card!);
const textsTo = async (userId: string) => (await sentTo(userId)).filter((p) => p.kind === 'text').map((p) => p.text!);

describe('「待办」', () => {
  it('sends the asker a todo card and each pending approval as a card whose 同意 decides it', async () => {
    const c = await makeCompany(t.deps);
    const { approvalId } = await submit(t.deps, c, 'test-any');
    const before = (await cardsTo('hrm-1')).length;
    const deliveryId = await say('hrm-1', ' 待办 ');
    const cards = (await cardsTo('hrm-1')).slice(before);
    expect(cards.map((x) => x.type)).toEqual(['bot.todo', 'approval.request']);
    expect(cards[0]!.rows[0]).toEqual({ label: '待我审批', value: '测试审批：张三' });
    const approvalCard = cards[1]!;
    expect(approvalCard.key).not.toBe(cards[0]!.key);

    // A redelivered message sends nothing more (the router dedupes the delivery).
    await router.accept({ kind: 'message.text', platform: 'sandbox', deliveryId, operatorUserId: 'hrm-1', receivedAt: new Date(), text: '待办' });
    expect((await cardsTo('hrm-1')).slice(before)).toHaveLength(2);

    const click: InboundEvent = { kind: 'card.action', platform: 'sandbox', deliveryId: `click-${approvalId}`, operatorUserId: 'hrm-1', receivedAt: new Date(), cardKey: approvalCard.key, actionId: APPROVAL_APPROVE };
    await router.accept(click);
    const reply = await router.handle(click);
    expect(reply?.text).toContain('同意');
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('APPROVED');
    // Every copy of the step's card closed, the first one sent at submission too.
    expect(await t.db.cardInstance.count({ where: { type: 'approval.request', state: 'OPEN', subjectId: { in: (await t.db.approvalStep.findMany({ where: { approvalId } })).map((s) => s.id) } } })).toBe(0);
  });

  it('lists unsigned company rules and open cards, and says so when nothing waits', async () => {
    const { employee } = await makeActor(t.deps, ['EMPLOYEE'], { name: '待办人', identities: { sandbox: 'todo-u' } });
    await say('todo-u', '待办');
    expect((await cardsTo('todo-u')).at(-1)).toMatchObject({ type: 'bot.todo', subtitle: '待办人，你目前没有待办' });
    await t.db.cardInstance.create({
      data: { cardKey: 'k-open-1', platform: 'sandbox', type: 'onboarding.confirm', recipients: [{ userId: 'todo-u', employeeId: employee.id }], model: { title: '新员工到岗确认' } },
    });
    await say('todo-u', '待办');
    expect((await cardsTo('todo-u')).at(-1)!.rows).toEqual([{ label: '待处理卡片', value: '新员工到岗确认' }]);
  });
});

describe('a name or 工号', () => {
  it('gives HR a status card of the employee, found by name or by 工号', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'hr-lin' } });
    const e = await makeEmployee(t.deps, { name: '查询对象', department: '销售部', startDate: '2026-11-02' });
    await say('hr-lin', '查询对象');
    expect(await textsTo('hr-lin')).toEqual([`已发送 查询对象（${e.employeeNo}） 的状况卡片`]);
    const card = (await cardsTo('hr-lin')).at(-1)!;
    expect(card).toMatchObject({ type: 'bot.employee_status', title: '员工状况：查询对象', subtitle: `${e.employeeNo} · 销售部 · 在职` });
    expect(card.rows.find((r) => r.label === '社保增员')?.value).toMatch(/^未增员/);
    expect(card.rows.find((r) => r.label === '积分')?.value).toMatch(/^\d{4} 年暂无积分$/);
    await say('hr-lin', e.employeeNo);
    expect((await cardsTo('hr-lin')).at(-1)!.title).toBe('员工状况：查询对象');
  });

  it('shows the points of the year and the latest award on the status card', async () => {
    await makeActor(t.deps, ['HR_MANAGER'], { name: '积分人事', identities: { sandbox: 'hr-pts' } });
    const e = await makeEmployee(t.deps, { name: '积分对象' });
    const now = t.deps.now();
    const year = Number(dayIn(t.deps.businessTz, now).slice(0, 4));
    const award = (rule: string, points: number, subjectId: string, awardedAt: Date) =>
      ({ employeeId: e.id, rule, points, reason: '测试', subjectType: 'test', subjectId, awardedAt });
    await t.db.pointAward.createMany({
      data: [
        // Last year's award is not in this year's total.
        award('quizPass', 2, 'last-year', yearBounds(t.deps.businessTz, year - 1).from),
        award('onTimeProof', 2, 'p1', yearBounds(t.deps.businessTz, year).from),
        award('transferCooperation', 3, 'p2', new Date(yearBounds(t.deps.businessTz, year).from.getTime() + 86_400_000)),
        award('falseProof', -5, 'p3', now),
      ],
    });
    await say('hr-pts', '积分对象');
    const card = (await cardsTo('hr-pts')).at(-1)!;
    expect(card.rows.find((r) => r.label === '积分')?.value).toBe(`${year} 年 0 分；最近 ${dayIn(t.deps.businessTz, now)} 证明材料不实 -5`);
  });

  it('refuses an employee politely and sends no card', async () => {
    await makeActor(t.deps, ['EMPLOYEE'], { name: '好奇员工', identities: { sandbox: 'curious' } });
    await makeEmployee(t.deps, { name: '被查的人' });
    await say('curious', '被查的人');
    expect(await cardsTo('curious')).toEqual([]);
    expect(await textsTo('curious')).toEqual(['查询员工情况仅对人事开放。你可以发送「待办」查看自己的待办，发送「我的社保」查看本人的缴费明细。']);
  });
});

describe('「我的社保」, 「帮助」 and anything else', () => {
  it("answers the employee's latest statement, or says there is none yet", async () => {
    const { employee } = await makeActor(t.deps, ['EMPLOYEE'], { name: '缴费人', identities: { sandbox: 'payer' } });
    await say('payer', '我的社保');
    expect((await textsTo('payer'))[0]).toContain('暂时还没有你的社保缴费记录');
    const row = { employeeId: employee.id, baseFen: 500000, sourceFile: 't.xlsx' };
    await t.db.contributionRecord.createMany({ data: [
      { ...row, month: '2026-10', insuranceType: 'PENSION', employerFen: 80000, employeeFen: 40000 },
      { ...row, month: '2026-11', insuranceType: 'PENSION', employerFen: 80000, employeeFen: 40000 },
      { ...row, month: '2026-11', insuranceType: 'MEDICAL', employerFen: 45000, employeeFen: 10000 },
    ] });
    await say('payer', '我的社保');
    const text = (await textsTo('payer'))[1]!;
    expect(text).toContain('2026年11月');
    expect(text).toContain('单位缴纳 ¥1,250.00，个人缴纳 ¥500.00');
  });

  it('answers 帮助 with the commands (the name query only for HR), anything else with the same list, and an unknown account with how to get linked', async () => {
    await makeActor(t.deps, ['EMPLOYEE'], { identities: { sandbox: 'help-u' } });
    await makeActor(t.deps, ['HR_MANAGER'], { identities: { sandbox: 'help-hr' } });
    await say('help-u', '帮助');
    await say('help-u', '今天天气怎么样');
    await say('help-hr', '帮助');
    const [help, other] = await textsTo('help-u');
    expect(help).toContain('发送「待办」');
    expect(help).not.toContain('工号');
    expect(other).toMatch(/^没有听懂你的意思。社保哨兵可以/);
    expect((await textsTo('help-hr'))[0]).toContain('发送员工姓名或工号');
    await say('ghost', '待办');
    expect((await textsTo('ghost'))[0]).toContain('尚未关联员工档案');
  });
});
