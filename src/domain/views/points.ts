// Incentive points and the knowledge quiz as /api/v1/points and /api/v1/quiz answer with them,
// shared with the H5 pages (QuizPage.vue, MyPointsPage.vue, PointsRankingPage.vue). Types only.

/** A quiz question as the employee sees it: no answer. */
export interface QuizQuestionView {
  id: string;
  text: string;
  /** Four options, in order A–D. */
  options: string[];
}

/** GET /quiz: a new attempt with its questions. */
export interface QuizStartView {
  attemptId: string;
  questions: QuizQuestionView[];
  passScore: number;
  /** Points a pass earns, once per calendar year. */
  passPoints: number;
  /** True when this year's quiz points were already earned. */
  awardedThisYear: boolean;
}

/** One answered question with the right option and why. */
export interface QuizMarkView {
  questionId: string;
  text: string;
  options: string[];
  /** Index (0–3) chosen, null when left out. */
  chosen: number | null;
  answer: number;
  correct: boolean;
  article: string;
  explanation: string;
}

/** POST /quiz/:attemptId */
export interface QuizResultView {
  attemptId: string;
  /** Of 100. */
  score: number;
  passScore: number;
  passed: boolean;
  /** Points this submission earned (0 when failed or already earned this year). */
  pointsAwarded: number;
  marks: QuizMarkView[];
}

/** One line of an employee's points history. */
export interface PointAwardView {
  id: string;
  /** 'onTimeProof' | 'transferCooperation' | 'falseProof' | 'quizPass' */
  rule: string;
  ruleLabel: string;
  /** Signed. */
  points: number;
  reason: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai) */
  awardedOn: string;
}

/** GET /points/mine */
export interface MyPointsView {
  total: number;
  items: PointAwardView[];
}

export interface DepartmentPointsRow {
  departmentId: string;
  name: string;
  /** Employees counted (not exited). */
  employees: number;
  total: number;
  /** total / employees, one decimal. */
  average: number;
}

export interface TopEmployeeRow {
  employeeId: string;
  employeeNo: string;
  name: string;
  department: string;
  total: number;
}

/** GET /points/ranking?year= */
export interface PointsRankingView {
  year: number;
  departments: DepartmentPointsRow[];
  top: TopEmployeeRow[];
}
