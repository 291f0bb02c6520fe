// The company's exit settings, stored in AppMeta 'exit.rules' as JSON. The attendance rule is the
// company's own (adopted per 劳动合同法 第四条 and shown to employees); its name and article are
// quoted in every return-to-work and termination notice, because a termination under 第三十九条
// 第（二）项 stands only on a rule the employee knew.
import { z } from 'zod';
import type { RuleCitation } from '../company-rules/company-rule.ts';
import { parseStoredRules } from '../stored-rules.ts';

export const EXIT_RULES_KEY = 'exit.rules';

export const exitRulesSchema = z.object({
  /** Calendar days the employee has to return after a notice is sent (rolled to a workday). */
  returnDays: z.number().int().min(1).max(30).default(3),
  /** Send the first notice as soon as the absence is confirmed, without HR's click. */
  autoSendFirstNotice: z.boolean().default(false),
  /** The company rule the notices cite. */
  attendanceRuleName: z.string().min(2).max(60).default('《员工考勤管理制度》'),
  attendanceRuleArticle: z.string().min(2).max(200).default('连续旷工三个工作日及以上的，属于严重违反用人单位规章制度'),
  /** Who signs the notices. */
  companyName: z.string().min(2).max(80).default('本公司'),
  unionName: z.string().min(2).max(80).default('公司工会'),
  /** false: no union at the company, so the 上级工会 or the 职工代表 are notified instead (第四十三条). */
  hasUnion: z.boolean().default(true),
});

/**
 * The settings, plus the attendance rule HR stored (src/services/company-rules), which the notices
 * cite in place of the free-text name and article when there is one.
 */
export type ExitRules = z.infer<typeof exitRulesSchema> & { storedRule?: RuleCitation & { article: string } };

export const defaultExitRules: ExitRules = exitRulesSchema.parse({});

/** The stored JSON (or nothing) as rules; a broken value falls back to the defaults, reported by `error`. */
export const parseExitRules = (json: string | undefined) => parseStoredRules(exitRulesSchema, defaultExitRules, json);
