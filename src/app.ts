// createApp(deps) builds the Koa application without listening, so tests drive it with
// supertest(app.callback()) and main.ts decides where it runs.
import { join } from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import type { SandboxReceiver } from './receivers/sandbox-receiver.ts';
import type { Env } from './config.ts';
import { AppError } from './errors.ts';
import type { Readiness } from './db/readiness.ts';
import { mountRoutes, type ApiRoute } from './http/api-route.ts';
import { underPrefix } from './http/under-prefix.ts';
import { authenticate } from './http/authenticate.ts';
import { clientAddress } from './http/client-address.ts';
import { errorMiddleware } from './http/error-middleware.ts';
import { useChineseZodMessages } from './http/zod-chinese.ts';
import { mountH5 } from './http/h5-static.ts';
import { openApiDocument } from './http/openapi.ts';
import { pageSecurityHeaders } from './http/page-security-headers.ts';
import { refuseCrossSiteWrites } from './http/refuse-cross-site-writes.ts';
import { requestContext } from './http/request-context.ts';
import { approvalRoutes } from './http/routes/approval-routes.ts';
import { auditRoutes } from './http/routes/audit-routes.ts';
import { contributionRoutes } from './http/routes/contribution-routes.ts';
import { dashboardRoutes } from './http/routes/dashboard-routes.ts';
import { notificationSettingsRoutes } from './http/routes/notification-settings-routes.ts';
import { privacyRoutes } from './http/routes/privacy-routes.ts';
import { employeeRoutes } from './http/routes/employee-routes.ts';
import { exceptionRoutes } from './http/routes/exception-routes.ts';
import { exitRoutes } from './http/routes/exit-routes.ts';
import { pointsRoutes } from './http/routes/points-routes.ts';
import { questionRoutes } from './http/routes/question-routes.ts';
import { quizRoutes } from './http/routes/quiz-routes.ts';
import { transferRoutes } from './http/routes/transfer-routes.ts';
import { enrolmentRoutes } from './http/routes/enrolment-routes.ts';
import { evidencePackRoutes } from './http/routes/evidence-pack-routes.ts';
import { evidenceRoutes } from './http/routes/evidence-routes.ts';
import { h5PlatformLoginRoutes } from './http/routes/h5-platform-login-routes.ts';
import { h5SessionRoutes } from './http/routes/h5-session-routes.ts';
import { healthRouter, type PlatformState } from './http/routes/health-routes.ts';
import { importRoutes } from './http/routes/import-routes.ts';
import { outboxRoutes } from './http/routes/outbox-routes.ts';
import { proofRoutes } from './http/routes/proof-routes.ts';
import { companyRuleRoutes } from './http/routes/company-rule-routes.ts';
import { reconciliationRoutes } from './http/routes/reconciliation-routes.ts';
import { attendanceRoutes } from './http/routes/attendance-routes.ts';
import { calendarRoutes } from './http/routes/calendar-routes.ts';
import { moneyRoutes } from './http/routes/money-routes.ts';
import { backPayDocumentRoutes } from './http/routes/back-pay-document-routes.ts';
import { sandboxRoutes } from './http/routes/sandbox-routes.ts';
import { signatureRoutes } from './http/routes/signature-routes.ts';
import type { AppState } from './http/state.ts';
import type { Logger } from './log.ts';
import type { Manifest } from './manifest.ts';
import { configuredPlatforms } from './platforms/configured-platforms.ts';
import type { PlatformClients } from './platforms/create-chat-platforms.ts';
import type { ServiceDeps } from './services/deps.ts';

const API_PREFIX = '/api/v1';

export interface AppDeps {
  services: ServiceDeps;
  env: Env;
  adminToken: string;
  log: Logger;
  manifest: Manifest;
  /** Directory of the built H5 (index.html + assets/). */
  h5Dir: string;
  readiness(): Promise<Readiness>;
  platformStates?(): PlatformState[];
  /** API clients of the configured chat platforms (H5 sign-in, JS-SDK config). */
  platformClients?: PlatformClients;
  /** Further routers (callback receivers, sandbox chat), mounted before the H5. */
  routers?: Router<AppState>[];
  /** The sandbox chat's receiver (real listeners), built with the platform receivers in src/server/chat-wiring.ts. */
  sandboxReceiver?: SandboxReceiver;
}

/** Every REST route, in one list: mounted below /api/v1 and described by openapi.json. */
export function apiRoutes(deps: AppDeps): ApiRoute[] {
  const platforms = configuredPlatforms(deps.env);
  return [
    ...employeeRoutes(deps.services),
    ...enrolmentRoutes(deps.services),
    ...importRoutes(deps.services),
    ...contributionRoutes(deps.services),
    ...dashboardRoutes(deps.services),
    ...notificationSettingsRoutes(deps.services),
    ...privacyRoutes(deps.services),
    ...auditRoutes(deps.services),
    ...approvalRoutes(deps.services),
    ...outboxRoutes(deps.services),
    ...reconciliationRoutes(deps.services),
    ...attendanceRoutes(deps.services),
    ...calendarRoutes(deps.services),
    ...moneyRoutes(deps.services),
    ...backPayDocumentRoutes(deps.services),
    ...evidencePackRoutes(deps.services, { uploadDir: join(deps.env.DATA_DIR, 'uploads') }),
    ...evidenceRoutes(deps.services),
    ...exceptionRoutes(deps.services),
    ...exitRoutes(deps.services),
    ...transferRoutes(deps.services),
    ...questionRoutes(deps.services),
    ...quizRoutes(deps.services),
    ...pointsRoutes(deps.services),
    ...companyRuleRoutes(deps.services),
    ...proofRoutes(deps.services),
    ...signatureRoutes(deps.services),
    ...h5SessionRoutes(deps.services, { devLogin: platforms.length === 0, platforms }),
    ...h5PlatformLoginRoutes(deps.services, deps.env, deps.platformClients ?? {}),
    ...sandboxRoutes(deps.services, { enabled: platforms.length === 0, receiver: deps.sandboxReceiver }),
  ] as ApiRoute[];
}

export function createApp(deps: AppDeps): Koa<AppState> {
  useChineseZodMessages();
  // Forwarding headers count only from TRUSTED_PROXIES (client-address.ts strips them otherwise).
  const app = new Koa<AppState>({ proxy: deps.env.TRUSTED_PROXIES.length > 0 });
  app.use(clientAddress(deps.env.TRUSTED_PROXIES));
  app.use(requestContext(deps.log));
  app.use(errorMiddleware());
  app.use(pageSecurityHeaders([deps.manifest.h5.base, '/sandbox']));

  const health = healthRouter({
    readiness: deps.readiness,
    platforms: deps.platformStates ?? (() => [{ name: 'sandbox', state: 'active' }]),
  });
  app.use(health.routes());

  const routes = apiRoutes(deps);
  const api = new Router<AppState>({ prefix: API_PREFIX });
  api.use(refuseCrossSiteWrites(deps.env.PUBLIC_BASE_URL));
  api.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: '1mb',
      onError: (err) => {
        if ((err as { status?: number }).status === 413) throw new AppError('payload_too_large', '请求体超过 1 MB');
        throw new AppError('bad_request', `请求体不是合法的 JSON：${err.message}`);
      },
    }),
  );
  api.use(authenticate(deps.services, deps.adminToken, { devLoginOpen: configuredPlatforms(deps.env).length === 0 }));
  api.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument(routes, deps.env.PUBLIC_BASE_URL);
  });
  mountRoutes(api, routes);
  // The API router matches every request against all its routes; callbacks and pages skip it.
  app.use(underPrefix(API_PREFIX, api.routes()));
  app.use(underPrefix(API_PREFIX, api.allowedMethods()));

  for (const router of deps.routers ?? []) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  mountH5(app, deps.manifest, deps.h5Dir);
  return app;
}
