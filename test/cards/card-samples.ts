// One sample per card type listed in app.json, open and decided, fed to every renderer by the
// golden tests. A new card type without a sample fails test/cards/render-golden.test.ts.
import { buildAbsenceCheckCard } from '../../cards/absence-check-card.ts';
import { buildApprovalRequestCard } from '../../cards/approval-request-card.ts';
import { buildBotTodoCard } from '../../cards/bot-todo-card.ts';
import { buildEmployeeStatusCard } from '../../cards/employee-status-card.ts';
import { buildMonthlyReportCard } from '../../cards/monthly-report-card.ts';
import { buildQuestionCard, type QuestionCardFacts } from '../../cards/question-cards.ts';
import { buildCalendarMissingYearCard } from '../../cards/calendar-missing-year-card.ts';
import type { CardDecision, CardModel } from '../../cards/card-model.ts';
import { buildEnrolmentDeadlineCard } from '../../cards/enrolment-deadline-card.ts';
import { buildExceptionLapsedCard } from '../../cards/exception-lapsed-card.ts';
import { buildExceptionRequestCard } from '../../cards/exception-request-card.ts';
import { buildExceptionReverifyCard } from '../../cards/exception-reverify-card.ts';
import { buildWaiverWarningCard } from '../../cards/exception-waiver-warning-card.ts';
import { defaultKpiScoring } from '../../src/domain/kpi/kpi-scoring.ts';
import { lawfulCategories } from '../../src/domain/exceptions/lawful-categories.ts';
import { buildOnboardingConfirmCard } from '../../cards/onboarding-confirm-card.ts';
import { buildReconciliationDigestCard } from '../../cards/reconciliation-digest-card.ts';
import { buildExitEmployeeAnsweredCard, buildExitNextStepCard, buildExitNoticeReadyCard } from '../../cards/exit-notice-cards.ts';
import { buildExitDeliveryNeededCard, buildExitResignationConfirmedCard } from '../../cards/exit-delivery-cards.ts';
import { buildExitResignationCard } from '../../cards/exit-resignation-card.ts';
import { buildExitTaskCard, type ExitTaskCardFacts } from '../../cards/exit-task-cards.ts';
import { buildRetirementDueCard } from '../../cards/retirement-due-card.ts';
import { buildRolesChangedCard } from '../../cards/roles-changed-card.ts';
import { buildPolicyUpdatedCard } from '../../cards/policy-updated-card.ts';
import { buildExitTaskDigestCard } from '../../cards/exit-task-digest-card.ts';
import { buildRetirementDigestCard } from '../../cards/retirement-digest-card.ts';
import { buildTransferDigestCard } from '../../cards/transfer-digest-card.ts';
import { buildTransferStepCard, type TransferStepCardFacts } from '../../cards/transfer-step-cards.ts';
import { buildTransferSuggestedCard } from '../../cards/transfer-suggested-card.ts';

const transferStepFacts: TransferStepCardFacts = {
  employeeName: '张三', route: '长沙 → 上海', step: '第2步：新参保地社保经办机构审核并出具联系函', dueOn: '2026-10-22',
  legalBasis: '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第八条第（二）项',
};

const exitTaskFacts: ExitTaskCardFacts = {
  employeeName: '张三', department: '研发部', exitDate: '2026-10-23', title: '出具离职证明', dueOn: '2026-10-23', owner: '李人事',
  legalBasis: '《劳动合同法》第五十条：解除或者终止劳动合同时出具证明；《劳动合同法实施条例》第二十四条',
};

const questionFacts: QuestionCardFacts = {
  kindLabel: '社保投诉', employeeName: '张三', department: '研发部', text: '我的社保怎么没交？入职已经一个多月了，社保卡查不到缴费记录。', askedAt: '2026-12-07 10:15', dueOn: '2026-12-10',
};

export const sampleDecision: CardDecision = { label: '已确认到岗', byName: '李人事', at: '2026-12-24T02:03:00.000Z' };

export const cardSamples: Record<string, (decided?: CardDecision) => CardModel> = {
  'policy.updated': (decided) =>
    buildPolicyUpdatedCard({
      key: 'pol-0f8e1c2d3b4a59687766554433221100-wecom',
      facts: { city: '上海', fromMonth: '2025-07', changes: ['新增 2025-07 起'], actorName: '王经理', at: '2026-12-07 10:00', unverified: '政策数据未经核实：上海 2025-07 起 的基数和费率尚未与官方通知核对，结果仅供参考' },
      h5Url: 'https://hr.example.com/app',
      decided,
    }),
  'approval.request': (decided) =>
    buildApprovalRequestCard({
      facts: {
        title: '社保例外审批：张三',
        submitterName: '李人事',
        summary: [{ label: '员工', value: '张三（E0001）' }, { label: '类型', value: '退休返聘，不参加社保' }, { label: '依据', value: '法释〔2025〕12号 第十九条' }],
        step: '第1步/共1步 人事经理审批',
        due: '2026-12-25 10:03',
      },
      key: 'apr-0f8e1c2d3b4a59687766554433221100-l0-1f8e1c2d3b4a59687766554433221100-wecom',
      h5Url: 'https://hr.example.com/app/todo/0f8e1c2d-3b4a-5968-7766-554433221100',
      decided,
    }),
  'absence.check': (decided) =>
    buildAbsenceCheckCard({
      facts: { name: '张三', department: '研发部', lastClockIn: '2026-09-30 18:02', days: ['2026-10-08', '2026-10-09', '2026-10-10'], trigger: 'attendance', answerBy: '2026-10-11 20:00' },
      key: 'abs-0f8e1c2d3b4a59687766554433221100-wecom',
      h5Url: 'https://hr.example.com/app/absence/0f8e1c2d-3b4a-5968-7766-554433221100',
      decided,
    }),
  'transfer.step_due': (decided) =>
    buildTransferStepCard({ overdue: false, facts: transferStepFacts, key: 'ex-0f8e1c2d3b4a59687766554433221100-s2due-wecom', h5Url: 'https://hr.example.com/app/transfers?case=0f8e1c2d-3b4a-5968-7766-554433221100', decided }),
  'transfer.step_overdue': (decided) =>
    buildTransferStepCard({
      overdue: true, facts: { ...transferStepFacts, dueOn: '2027-01-18', caveat: '2027年放假安排未公布，日期可能顺延' },
      key: 'ex-0f8e1c2d3b4a59687766554433221100-s2overdue-wecom', h5Url: 'https://hr.example.com/app/transfers?case=0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.task_digest': (decided) =>
    buildExitTaskDigestCard({
      key: 'xd-0f8e1c2d3b4a59687766554433221100-wecom', asOf: '2027-01-19',
      due: ['张三', '张三', '李四'], overdue: ['王五', '赵六', '钱七', '孙八', '周九', '吴十', '王五'],
      h5Url: 'https://hr.example.com/app/exits', decided,
    }),
  'employee.retirement_digest': (decided) =>
    buildRetirementDigestCard({
      key: 'rd-0f8e1c2d3b4a59687766554433221100-wecom', asOf: '2027-07-16',
      people: ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九'].map((name, i) => ({ name, reachedOn: `2027-08-${String(5 + i).padStart(2, '0')}` })),
      h5Url: 'https://hr.example.com/app/exits', decided,
    }),
  'transfer.digest': (decided) =>
    buildTransferDigestCard({
      key: 'td-0f8e1c2d3b4a59687766554433221100-wecom', asOf: '2027-01-19',
      due: ['张三'], overdue: ['李四', '王五', '赵六', '钱七', '孙八', '周九'],
      caveat: '2027年放假安排未公布，日期可能顺延', h5Url: 'https://hr.example.com/app/transfers', decided,
    }),
  'transfer.suggested': (decided) =>
    buildTransferSuggestedCard({
      facts: {
        employeeName: '周建国', department: '研发部', fromCity: '长沙', toCity: '上海', startDate: '2026-12-01',
        temporaryAccount: '男性年满50周岁且户籍（湖南省）不在参保地所在省（上海市）：应在参保地建立临时基本养老保险缴费账户，养老保险关系暂不转入（《城镇企业职工基本养老保险关系转移接续暂行办法》第六条）',
      },
      key: 'ex-0f8e1c2d3b4a59687766554433221100-transfer-wecom', h5Url: 'https://hr.example.com/app/transfers?employee=0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'employee.retirement_due': (decided) =>
    buildRetirementDueCard({
      facts: { name: '赵敏', department: '研发部', category: '女职工（原50岁）', age: '50岁9个月', reachedOn: '2027-02-15' },
      key: 'ret-0f8e1c2d3b4a59687766554433221100-202702-wecom',
      h5Url: 'https://hr.example.com/app/exits',
      decided,
    }),
  'calendar.missing_year': (decided) =>
    buildCalendarMissingYearCard({ year: 2027, key: 'cal-2027-wecom', h5Url: 'https://hr.example.com/app/calendar', decided }),
  'onboarding.confirm': (decided) =>
    buildOnboardingConfirmCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师', startDate: '2026-12-21' },
      key: 'onb-0f8e1c2d3b4a59687766554433221100-wecom',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
  'enrolment.deadline': (decided) =>
    buildEnrolmentDeadlineCard({
      facts: { name: '张三', department: '研发部', startDate: '2026-12-09', dayNumber: 23, deadline: '2027-01-08', practicalDeadline: '2026-12-25', daysLeft: 7, kind: 'warn', calendarCaveat: '2027年放假安排未公布，日期可能顺延' },
      key: 'enr-0f8e1c2d3b4a59687766554433221100-day23-wecom',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
  'kpi.monthly_report': (decided) =>
    buildMonthlyReportCard({
      key: 'mr-202612-0f8e1c2d3b4a59687766554433221100',
      report: {
        month: '2026-12',
        figures: [
          { key: 'timeliness', label: '社保缴纳及时率', unit: '%', better: 'up', link: null, definition: '', value: 92.5, previous: 90, change: 2.5 },
          { key: 'avgDaysToEnrol', label: '平均增员天数', unit: '天', better: 'down', link: null, definition: '', value: 12.3, previous: 13.3, change: -1 },
          { key: 'coverage', label: '员工社保缴纳率', unit: '%', better: 'up', link: null, definition: '', value: 98, previous: 98, change: 0 },
          { key: 'openAlerts', label: '未处理增员提醒', unit: '人', better: 'down', link: null, definition: '', value: 3, previous: 2, change: 1 },
          { key: 'backPayEvents', label: '补缴次数', unit: '次', better: 'down', link: null, definition: '', value: 2, previous: 1, change: 1 },
          { key: 'complaints', label: '员工社保投诉', unit: '次', better: 'down', link: null, definition: '', value: 1, previous: null, change: null },
          { key: 'absencesOpen', label: '未结旷工案件', unit: '件', better: 'down', link: null, definition: '', value: 2, previous: 2, change: 0 },
          { key: 'exitsOpen', label: '进行中的离职', unit: '件', better: 'down', link: null, definition: '', value: 3, previous: 1, change: 2 },
        ],
        alertsByStage: { day23: 1, day28: 0, overdue: 2 },
        backPay: { events: 2, months: 3, eventsThisYear: 5, amountFen: 123456, amountText: '¥1,234.56', unpriced: 0 },
        score: { fullScore: 100, score: 74, deductions: [], rules: defaultKpiScoring, note: '' },
      },
      previousScore: 80,
      showAmount: true,
      h5Url: 'https://hr.example.com/app/dashboard?month=2026-12',
      decided,
    }),
  'reconciliation.digest': (decided) =>
    buildReconciliationDigestCard({
      key: 'rec-0f8e1c2d3b4a59687766554433221100-wecom',
      month: '2026-10',
      kinds: [{ label: '在职未参保', names: ['张三'], owedFen: 280_560 }, { label: '离职仍缴', names: ['李四', '王五'] }],
      unverified: true,
      dueOn: '2026-11-10',
      h5Url: 'https://hr.example.com/app/me',
      decided,
    }),
  'exception.request': (decided) =>
    buildExceptionRequestCard({
      key: 'exr-0f8e1c2d3b4a59687766554433221100-wecom',
      facts: {
        requestNo: '例外-2026-0007', name: '张三', department: '研发部', reasonLabel: lawfulCategories.STUDENT_INTERN.label, declarationSigned: true,
        proofs: [{ label: '学生证或学籍证明', present: true }, { label: '实习协议', present: false }], owedShort: lawfulCategories.STUDENT_INTERN.owedShort, legalNote: lawfulCategories.STUDENT_INTERN.cardNote,
      },
      h5Url: 'https://hr.example.com/app/exceptions/0f8e1c2d-3b4a-5968-7766-554433221100',
      decided,
    }),
  'exception.waiver_warning': (decided) =>
    buildWaiverWarningCard({
      key: 'exw-0f8e1c2d3b4a59687766554433221100-wecom',
      facts: { name: '张三', department: '研发部', reasonLabel: '希望以现金补贴代替', risk: { backpay: '¥12,312.00', months: 6, lateFee: '¥412.45', compensation: '¥3,000.00', total: '¥15,724.45' }, taskDueOn: '2026-12-21' },
      h5Url: 'https://hr.example.com/app/exceptions/0f8e1c2d-3b4a-5968-7766-554433221100',
      decided,
    }),
  'exception.reverify': (decided) =>
    buildExceptionReverifyCard({
      key: 'exv-0f8e1c2d3b4a59687766554433221100-2027Q1-wecom',
      facts: { proofLabel: '原单位社保缴费记录', coversMonth: '2026-12', deadline: '2027-01-16', legalNote: lawfulCategories.OTHER_EMPLOYER_PAYS.cardNote },
      uploadUrl: 'https://hr.example.com/app/proofs/upload?exceptionId=0f8e1c2d-3b4a-5968-7766-554433221100&kind=OTHER_EMPLOYER_CONTRIBUTIONS',
      decided,
    }),
  'exception.lapsed': (decided) =>
    buildExceptionLapsedCard({
      key: 'exl-0f8e1c2d3b4a59687766554433221100-wecom',
      facts: { name: '张三', department: '研发部', reasonLabel: '原单位仍在缴纳（停薪留职/内退/下岗待岗）', lapsedOn: '2027-01-17', enrolmentDeadline: '2027-02-18', askStoppedMonth: true },
      h5Url: 'https://hr.example.com/app/exceptions/0f8e1c2d-3b4a-5968-7766-554433221100',
      decided,
    }),
  'exit.notice_ready': (decided) =>
    buildExitNoticeReadyCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师' }, round: 2, absentDays: '3个工作日（自 2026-10-08 起）',
      previous: '2026-10-12 发出，期限 10-15 已过', returnBy: '2026-10-19',
      key: 'ex-0f8e1c2d3b4a59687766554433221100-notice2-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.employee_answered': (decided) =>
    buildExitEmployeeAnsweredCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师' }, answer: '我将于 2026-10-14 返岗（家中有事）', answeredAt: '2026-10-12 18:20', notice: '第一次返岗通知书',
      key: 'ex-0f8e1c2d3b4a59687766554433221100-answer-1-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.delivery_needed': (decided) =>
    buildExitDeliveryNeededCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师' }, notice: '第一次返岗通知书', issuedOn: '2026-10-12', effect: '返岗期限自妥投之日起算',
      key: 'ex-0f8e1c2d3b4a59687766554433221100-deliver-return_notice_1-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.resignation_confirmed': (decided) =>
    buildExitResignationConfirmedCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师' }, lastDay: '2026-10-20', signedAt: '2026-10-13 09:12',
      key: 'ex-0f8e1c2d3b4a59687766554433221100-resigned-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.next_step': (decided) =>
    buildExitNextStepCard({
      employee: { name: '张三', department: '研发部', position: '后端工程师' }, step: 'approval', facts: [{ label: '工会意见', value: '无异议' }, { label: '书面答复', value: '2026-10-21' }],
      key: 'ex-0f8e1c2d3b4a59687766554433221100-approval-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.task_due': (decided) =>
    buildExitTaskCard({
      overdue: false, facts: exitTaskFacts,
      key: 'ex-1f8e1c2d3b4a59687766554433221100-due-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.task_overdue': (decided) =>
    buildExitTaskCard({
      overdue: true, facts: exitTaskFacts,
      key: 'ex-1f8e1c2d3b4a59687766554433221100-overdue-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'exit.resignation': (decided) =>
    buildExitResignationCard({
      facts: { name: '张三', department: '研发部', requestedOn: '2026-12-01', lastDay: '2026-12-20', noticeDays: 19, requiredDays: 30, reason: '个人发展' },
      key: 'ex-0f8e1c2d3b4a59687766554433221100-resignation-wecom', h5Url: 'https://hr.example.com/app/exits/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'employee.roles_changed': (decided) =>
    buildRolesChangedCard({
      facts: { changes: [{ name: '张三', employeeNo: 'E0001', before: ['员工'], after: ['员工', '人事专员'] }], actorName: '王经理', reason: '接手社保增员业务', at: '2026-12-07 10:00' },
      key: 'rol-0f8e1c2d3b4a59687766554433221100-wecom', h5Url: 'https://hr.example.com/app/me', decided,
    }),
  'bot.todo': (decided) =>
    buildBotTodoCard({
      key: 'todo-0f8e1c2d3b4a59687766554433221100-a1b2c3d4e5', name: '王经理',
      items: [
        { kind: '待我审批', title: '社保例外审批：张三' }, { kind: '待处理卡片', title: '新员工到岗确认' }, { kind: '待签收制度', title: '员工手册（第 2 版）' },
        { kind: '例外材料', title: '请提交：本人签署的声明' }, { kind: '待处理卡片', title: '员工连续未打卡' }, { kind: '待处理卡片', title: '离职事项今日到期' },
        { kind: '待处理卡片', title: '社保增员提醒' },
      ],
      todoUrl: 'https://hr.example.com/app/todo', meUrl: 'https://hr.example.com/app/me', decided,
    }),
  'bot.employee_status': (decided) =>
    buildEmployeeStatusCard({
      key: 'emp-0f8e1c2d3b4a59687766554433221100-a1b2c3d4e5',
      facts: { name: '张三', employeeNo: 'E0001', department: '研发部', status: '在职', enrolment: '未增员，须于 2026-12-21 前办理', exceptions: '审批中 1 项', attendance: '无待核实缺勤', exit: '无', points: '2026 年 7 分；最近 2026-11-20 按时上传证明 +2' },
      h5Url: 'https://hr.example.com/app/employees/0f8e1c2d-3b4a-5968-7766-554433221100', decided,
    }),
  'question.asked': (decided) =>
    buildQuestionCard({ escalated: false, facts: questionFacts, key: 'qst-0f8e1c2d3b4a59687766554433221100-asked-wecom', h5Url: 'https://hr.example.com/app/questions/0f8e1c2d-3b4a-5968-7766-554433221100', decided }),
  'question.escalated': (decided) =>
    buildQuestionCard({ escalated: true, facts: questionFacts, key: 'qst-0f8e1c2d3b4a59687766554433221100-esc-wecom', h5Url: 'https://hr.example.com/app/questions/0f8e1c2d-3b4a-5968-7766-554433221100', decided }),
};
