// The incentive point rules (docs/points.md), kept as data (AppMeta 'points.rules') so an HR manager
// can change the points. The defaults are the usual company practice: on-time proof +2, transfer
// cooperation +3, false proof −5, passing the knowledge quiz (≥ 80 of 100) +2. A company rule, not
// the law: the law behind each event is cited where the event is defined (point-events.ts).
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';

export const POINT_RULES_KEY = 'points.rules';

const gain = z.number().int().min(0).max(100);

export const pointRulesSchema = z.object({
  onTimeProof: gain.default(2),
  transferCooperation: gain.default(3),
  /** Points taken (a positive number here; the award is negative). */
  falseProof: gain.default(5),
  quizPass: gain.default(2),
  /** The quiz score (of 100) that passes. */
  quizPassScore: z.number().int().min(1).max(100).default(80),
}).strict();

export type PointRules = z.infer<typeof pointRulesSchema>;

/** The settings' names as HR reads them, for error messages and the settings page. */
export const pointRulesLabels: Record<keyof PointRules, string> = {
  onTimeProof: '按时上传证明加分',
  transferCooperation: '配合转移接续加分',
  falseProof: '证明不实扣分',
  quizPass: '知识问答通过加分',
  quizPassScore: '知识问答及格分',
};

export const defaultPointRules: PointRules = pointRulesSchema.parse({});

export const parsePointRules = (json: string | undefined) => parseStoredRules(pointRulesSchema, defaultPointRules, json);
