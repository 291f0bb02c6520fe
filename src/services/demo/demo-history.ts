// The demo company's last twelve months of employee activity, so every chart of the dashboard
// and the points ranking has data on the day it is seeded: 社保咨询 and a few 投诉 each month,
// answered by HR, and knowledge-quiz attempts, the passes with their points (docs/points.md). A
// pure function of the people and the day: the same seed day gives the same rows.
import { randomUUID } from 'node:crypto';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import { defaultPointRules } from '../../domain/points/point-rules.ts';
import { questionDueOn } from '../../domain/questions/employee-question.ts';
import { quizQuestions, scoreQuiz, QUIZ_SIZE } from '../../domain/quiz/quiz-bank.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface DemoHistoryPerson { id: string; name: string; departmentId: string; startDate: string; atWork: boolean }

const QUESTIONS = ['我的社保是从哪个月开始交的？', '公积金和社保的缴费基数一样吗？', '生育津贴怎么申请？', '异地就医需要备案吗？', '离职后社保怎么续交？', '补充医疗保险包括哪些项目？'];
const COMPLAINTS = ['入职两个月了社保还没交，请尽快处理', '社保缴费基数比工资低很多，是否合规？'];
const ANSWER = '已核实并回复，详见社保缴费记录；如有疑问请再联系人事。';

/** Each month (m months back, 0 = this one): two questions, and a complaint every third month. */
export function buildDemoHistory(o: { people: DemoHistoryPerson[]; hr: { id: string; name: string }; today: string; now: Date; calendar: WorkCalendar }) {
  const questions: Prisma.EmployeeQuestionCreateManyInput[] = [];
  const attempts: Prisma.QuizAttemptCreateManyInput[] = [];
  const awards: Prisma.PointAwardCreateManyInput[] = [];
  const passedIn = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const day = addDays(monthStart(o.today, m), 4 + ((m * 3) % 20));
    if (day > o.today) continue;
    const at = (hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    const staff = o.people.filter((p) => p.atWork && p.startDate < day);
    const pick = (k: number) => staff[(m * 7 + k * 13) % staff.length] as DemoHistoryPerson;
    const asks = [QUESTIONS[m % QUESTIONS.length], QUESTIONS[(m + 3) % QUESTIONS.length], ...(m % 3 === 1 ? [COMPLAINTS[m % 2]] : [])] as string[];
    asks.forEach((text, k) => {
      const asker = pick(k);
      const createdAt = at(9 + k);
      const answeredAt = new Date(createdAt.getTime() + 26 * 3600_000);
      const answered = answeredAt <= o.now;
      questions.push({
        employeeId: asker.id, departmentId: asker.departmentId, kind: COMPLAINTS.includes(text) ? 'COMPLAINT' : 'QUESTION', text, channel: 'h5',
        dueOn: parseDay(questionDueOn(day, o.calendar)), createdAt, state: answered ? 'ANSWERED' : 'OPEN',
        ...(answered && { answer: ANSWER, answeredById: o.hr.id, answeredByName: o.hr.name, answeredAt }),
      });
    });
    // Two quiz attempts a month: one passes (once per person and calendar year), one does not.
    for (const [k, right] of [[3, 8 + (m % 3)], [4, 5 + (m % 2)]] as const) {
      const person = pick(k);
      const year = day.slice(0, 4);
      const passes = right * 10 >= defaultPointRules.quizPassScore;
      if (passes && passedIn.has(`${person.id}:${year}`)) continue;
      const attempt = quizAttempt(person.id, m, right, at(14 + k));
      attempts.push(attempt);
      if (!passes) continue;
      passedIn.add(`${person.id}:${year}`);
      const points = defaultPointRules.quizPass;
      awards.push({ employeeId: person.id, rule: 'quizPass', points, reason: `${year} 年社保知识问答 ${attempt.score} 分（${defaultPointRules.quizPassScore} 分及格）`, subjectType: 'quiz_year', subjectId: year, awardedAt: attempt.submittedAt as Date });
    }
  }
  return { questions, attempts, awards };
}

/** Ten questions in a fixed rotation, the first `right` of them answered right. */
function quizAttempt(employeeId: string, m: number, right: number, submittedAt: Date): Prisma.QuizAttemptCreateManyInput & { score: number } {
  const ids = Array.from({ length: QUIZ_SIZE }, (_, k) => quizQuestions[(m * 2 + k) % quizQuestions.length]?.id as string);
  const answers = Object.fromEntries(ids.map((id, k) => {
    const answer = quizQuestions.find((q) => q.id === id)?.answer as number;
    return [id, k < right ? answer : (answer + 1) % 4];
  }));
  const { score } = scoreQuiz(ids, answers);
  return { id: randomUUID(), employeeId, questionIds: ids, answers, score, startedAt: new Date(submittedAt.getTime() - 6 * 60_000), submittedAt };
}

const monthStart = (today: string, back: number) => {
  const [y, mo] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (mo - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};
