// The shapes /api/v1/transfers answers with, shared by the services that build them and the H5
// page that shows them (src/h5/pages/TransfersPage.vue). Types only.

export type TransferStepState = 'done' | 'due' | 'overdue' | 'waiting';

export interface TransferStepView {
  step: number;
  title: string;
  actor: string;
  legalBasis: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  doneOn: string | null;
  doneByName: string | null;
  /** done; due (the open step, not late); overdue (past its due day); waiting (a previous step is open). */
  state: TransferStepState;
}

export interface TransferView {
  id: string;
  employee: { id: string; name: string; employeeNo: string };
  fromCity: string;
  toCity: string;
  direction: 'INTO' | 'OUT_OF';
  directionLabel: string;
  startedOn: string;
  state: 'OPEN' | 'DONE';
  steps: TransferStepView[];
  /** The step to act on next, or null when all four are done. */
  nextStep: number | null;
  /** 「2027年放假安排未公布，日期可能顺延」 when a due day lies in a year without the State Council notice. */
  caveat: string | null;
  legalBasis: string;
}

/** GET /api/v1/transfers */
export interface TransferList {
  /** 'YYYY-MM-DD' in Asia/Shanghai: the latest day a step may be marked done. */
  today: string;
  transfers: TransferView[];
}
