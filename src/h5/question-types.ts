// What the 咨询 pages read: GET /api/v1/questions and /questions/:id (src/services/questions/list-questions.ts).
export interface QuestionItem {
  id: string;
  kind: 'QUESTION' | 'COMPLAINT';
  kindLabel: string;
  text: string;
  state: 'OPEN' | 'ESCALATED' | 'ANSWERED';
  stateLabel: string;
  askedAt: string;
  dueOn: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  /** Only for HR. */
  employee: { name: string; department: string } | null;
  canAnswer: boolean;
}
