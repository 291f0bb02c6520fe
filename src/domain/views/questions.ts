// 社保咨询 / 投诉 as /api/v1/questions answers with them (src/services/questions/list-questions.ts),
// shared with the H5 咨询 pages (QuestionsPage.vue, QuestionDetailPage.vue). Types only: the H5
// bundle gains no code from here.

/** One question or complaint. */
export interface QuestionView {
  id: string;
  /** 'QUESTION' | 'COMPLAINT' */
  kind: string;
  kindLabel: string;
  text: string;
  /** 'OPEN' | 'ESCALATED' | 'ANSWERED' */
  state: string;
  stateLabel: string;
  /** 'YYYY-MM-DD HH:mm' in BUSINESS_TZ */
  askedAt: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  /** Only for HR. */
  employee: { name: string; department: string } | null;
  canAnswer: boolean;
}

/** GET /questions: HR sees every question, unanswered first; an employee their own. */
export interface QuestionList {
  items: QuestionView[];
}
