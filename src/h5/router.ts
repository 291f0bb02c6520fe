// The H5 router: one route per app.json page, each with a lazy component (lazy so node can
// import this file without a DOM; test/unit/h5-router-manifest.test.ts does).
// The root tsc excludes src/h5 but reaches this file through the test; an ambient .vue
// declaration can only be pulled in by reference, not import.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./shims-vue.d.ts" />
import { createRouter, createWebHistory, type RouteLocationNormalized, type Router } from 'vue-router';
import manifest from '../../app.json' with { type: 'json' };
import { buildRouteRecords, type PageComponents } from './routes.ts';
import { sessionGuard } from './session-guard.ts';

/** app.json page name → component. Adding a page means adding it here and in app.json. */
export const pageComponents: PageComponents = {
  login: () => import('./pages/LoginPage.vue'),
  me: () => import('./pages/MePage.vue'),
  statement: () => import('./pages/StatementPage.vue'),
  clockIn: () => import('./pages/ClockInPage.vue'),
  attendance: () => import('./pages/AttendancePage.vue'),
  todo: () => import('./pages/TodoPage.vue'),
  todoDetail: () => import('./pages/TodoDetailPage.vue'),
  enrolment: () => import('./pages/EnrolmentPage.vue'),
  calendar: () => import('./pages/CalendarPage.vue'),
  notificationSettings: () => import('./pages/NotificationSettingsPage.vue'),
  exceptions: () => import('./pages/ExceptionsPage.vue'),
  exceptionDetail: () => import('./pages/ExceptionDetailPage.vue'),
  sign: () => import('./pages/SignPage.vue'),
  proofUpload: () => import('./pages/ProofUploadPage.vue'),
  documents: () => import('./pages/DocumentsPage.vue'),
  verify: () => import('./pages/VerifyPage.vue'),
  exits: () => import('./pages/ExitsPage.vue'),
  exitDetail: () => import('./pages/ExitDetailPage.vue'),
  exitNotice: () => import('./pages/ExitNoticePage.vue'),
  resign: () => import('./pages/ResignPage.vue'),
  companyRules: () => import('./pages/CompanyRulesPage.vue'),
  ruleRead: () => import('./pages/RuleReadPage.vue'),
  privacy: () => import('./pages/PrivacyPage.vue'),
  home: () => import('./pages/HomePage.vue'),
  workbench: () => import('./pages/WorkbenchPage.vue'),
  dashboard: () => import('./pages/DashboardPage.vue'),
  pendingEnrolments: () => import('./pages/PendingEnrolmentsPage.vue'),
  exceptionQueue: () => import('./pages/ExceptionQueuePage.vue'),
  absences: () => import('./pages/AbsencesPage.vue'),
  employees: () => import('./pages/EmployeesPage.vue'),
  employeeStatus: () => import('./pages/EmployeeStatusPage.vue'),
  rosterImport: () => import('./pages/RosterImportPage.vue'),
  team: () => import('./pages/TeamPage.vue'),
  absenceCase: () => import('./pages/AbsenceCasePage.vue'),
  transfers: () => import('./pages/TransfersPage.vue'),
  questions: () => import('./pages/QuestionsPage.vue'),
  questionDetail: () => import('./pages/QuestionDetailPage.vue'),
  quiz: () => import('./pages/QuizPage.vue'),
  myPoints: () => import('./pages/MyPointsPage.vue'),
  pointsRanking: () => import('./pages/PointsRankingPage.vue'),
  calc: () => import('./pages/CalcPage.vue'),
};

export const routeRecords = buildRouteRecords(manifest.h5.pages, pageComponents);

export const homePath = manifest.h5.home;

/**
 * Starts fetching the target page's chunk before the session guard asks the server who is signed
 * in, so the two round trips overlap instead of following each other. The router later calls the
 * same loader; the browser's module map returns the chunk already under way. main.ts also calls it
 * for the first page before mounting, since the router's guards only run after the shell rendered.
 */
export function startLoadingPage(to: Pick<RouteLocationNormalized, 'matched'>): void {
  for (const record of to.matched) {
    const loader = record.components?.default;
    // A lazy page is a plain function; a component object (or a compiled SFC) is not.
    if (typeof loader === 'function' && !('__vccOpts' in loader) && !('props' in loader)) {
      void (loader as () => Promise<unknown>)().catch(() => undefined);
    }
  }
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(`${manifest.h5.base}/`),
    routes: [
      ...routeRecords,
      { path: '/', redirect: homePath },
      // Not an app.json page: the server answers every unknown /app/… path with index.html (404) so this shows.
      { path: '/:unknown(.*)*', name: 'notFound', component: () => import('./pages/NotFoundPage.vue'), meta: { title: '页面不存在', roles: ['PUBLIC'] } },
    ],
    scrollBehavior: () => ({ top: 0 }),
  });
  router.beforeEach(startLoadingPage);
  router.beforeEach(sessionGuard);
  router.afterEach((to) => {
    document.title = to.meta.title ?? manifest.name;
  });
  return router;
}
