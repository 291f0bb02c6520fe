// zod's default messages in plain Chinese, without type names or regular expressions
// ("Invalid input: expected string" → 「应填写文字」). Schemas that give their own message keep it;
// the field is named by error-middleware.ts. zod's zh-CN locale still says "string" and "UUID".
import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

type Issue = $ZodRawIssue;

const typeNames: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '一组内容', date: '日期', bigint: '整数',
};
const formatNames: Record<string, string> = {
  uuid: '编号', email: '邮箱地址', url: '网址', regex: '规定的格式', date: '日期（如 2026-12-07）', datetime: '日期时间',
  time: '时间', starts_with: '规定的开头', ends_with: '规定的结尾', includes: '规定的内容',
};

export function chineseZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '未填写' : `应为${typeNames[issue.expected] ?? '正确的类型'}`;
    case 'invalid_value':
      return issue.values.length <= 6 ? `只能是 ${issue.values.map((v: unknown) => String(v)).join('、')} 之一` : '不是可选的值';
    case 'invalid_format':
      return `格式不正确，应为${formatNames[issue.format] ?? '规定的格式'}`;
    case 'too_small':
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`)
        : issue.origin === 'array' ? `至少选 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    case 'unrecognized_keys':
      return `包含不认识的内容（${issue.keys.length} 项），请去掉后重试`;
    default:
      return '填写不正确';
  }
}

/** Called once by the composition (createApp): every zod message a person may read is Chinese. */
export function useChineseZodMessages(): void {
  z.config({ localeError: chineseZodMessage });
}
