// Maps every thrown error to {error:{code,message,details?}}. AppErrors carry their own
// status; body-parser errors keep theirs; anything else is a 500 whose detail stays in the log.
import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { AppError } from '../errors.ts';
import { fieldLabel } from './field-labels.ts';
import type { AppState } from './state.ts';

export function errorMiddleware(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new AppError('not_found', `没有这个接口：${ctx.method} ${ctx.path}`);
      }
    } catch (err) {
      const e = toAppError(err);
      if (e.status >= 500) ctx.state.log.error({ err }, 'request failed');
      else ctx.state.log.info({ code: e.code, message: e.message }, 'request rejected');
      ctx.status = e.status;
      ctx.body = { error: { code: e.code, message: e.message, ...(e.details !== undefined && { details: e.details }) } };
    }
  };
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('validation_failed', validationMessage(err), zodDetails(err));
  const status = (err as { status?: number; expose?: boolean }).status;
  if (status === 413) return new AppError('payload_too_large', '请求体过大');
  if (status === 415) return new AppError('unsupported_media_type', '不支持的内容类型');
  if (status && status >= 400 && status < 500 && (err as { expose?: boolean }).expose) {
    return new AppError('bad_request', '请求内容无法解析，请刷新页面后重试', { reason: (err as Error).message });
  }
  return new AppError('internal', '服务器内部错误，请查看服务日志');
}

/** `path` is for programs (a form marks the field); the top-level message names the field for people. */
export function zodDetails(err: ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** 「输入不合法：入职日期未填写；姓名最多 40 个字。请修改后重试」 — at most three issues, each naming its field. */
export function validationMessage(err: ZodError): string {
  const shown = err.issues.slice(0, 3).map((i) => `${fieldLabel(i.path)}：${i.message}`);
  const more = err.issues.length > 3 ? `等 ${err.issues.length} 处` : '';
  return `输入不合法：${shown.join('；')}${more}。请修改后重试`;
}
