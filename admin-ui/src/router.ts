import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

import type { Role } from './gql/graphql';
import { hasRole, onSessionExpired, restore, session } from './lib/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    title?: string;
    /** Roles that may open the page; none means any signed-in staff member. */
    roles?: Role[];
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: '登录' } },
  // Printable notices: outside the shell (no navigation), A4 when printed
  {
    path: '/cases/:id/deferral-notice', name: 'deferral-notice', component: () => import('./pages/cases/CaseNotice.vue'),
    props: { kind: 'deferral' }, meta: { title: '容缺受理通知书', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
  },
  {
    path: '/cases/:id/correction-notice', name: 'correction-notice', component: () => import('./pages/cases/CaseNotice.vue'),
    props: { kind: 'correction' }, meta: { title: '一次性告知单', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
  },
  // The printable decision of a case refused at acceptance (不予受理) or denied after review (不予许可)
  {
    path: '/cases/:id/decision-notice', name: 'decision-notice', component: () => import('./pages/cases/CaseDecision.vue'),
    meta: { title: '决定书', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
  },
  // A themed bundle's printable notices (one for the whole bundle)
  {
    path: '/bundles/:id/deferral-notice', name: 'bundle-deferral-notice', component: () => import('./pages/bundles/BundleNotice.vue'),
    props: { kind: 'deferral' }, meta: { title: '容缺受理通知书（主题办件）', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
  },
  {
    path: '/bundles/:id/correction-notice', name: 'bundle-correction-notice', component: () => import('./pages/bundles/BundleNotice.vue'),
    props: { kind: 'correction' }, meta: { title: '一次性告知单（主题办件）', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
  },
  {
    path: '/',
    component: () => import('./pages/LayoutShell.vue'),
    children: [
      { path: '', redirect: { name: 'catalog' } },
      { path: 'catalog', name: 'catalog', component: () => import('./pages/CatalogList.vue'), meta: { title: '事项目录' } },
      { path: 'catalog/items/:id', name: 'item', component: () => import('./pages/ItemDetail.vue'), meta: { title: '事项详情' } },
      {
        path: 'catalog/items/:id/draft', name: 'item-draft', component: () => import('./pages/ItemDraftEditor.vue'),
        meta: { title: '编辑草稿', roles: ['CATALOG_ADMIN'] },
      },
      {
        path: 'catalog/consistency/:basicCode', name: 'consistency', component: () => import('./pages/ConsistencyReport.vue'),
        meta: { title: '三级十同一致性' },
      },
      {
        path: 'dashboard', name: 'dashboard', component: () => import('./pages/StatisticsDashboard.vue'),
        meta: { title: '办件统计', roles: ['CITY_ADMIN', 'HALL_SUPERVISOR', 'COUNTY_VIEWER'] },
      },
      { path: 'staff', name: 'staff', component: () => import('./pages/StaffList.vue'), meta: { title: '工作人员', roles: ['CITY_ADMIN'] } },
      { path: 'api-keys', name: 'api-keys', component: () => import('./pages/ApiKeys.vue'), meta: { title: 'API 密钥', roles: ['CITY_ADMIN'] } },
      {
        path: 'access-log', name: 'access-log', component: () => import('./pages/AccessLog.vue'),
        meta: { title: '个人信息访问日志', roles: ['AUDITOR', 'CITY_ADMIN'] },
      },
      // Cases (the window workbench, review, supervision) and the notification outbox
      {
        path: 'cases/window', name: 'case-window', component: () => import('./pages/cases/CaseQueue.vue'),
        props: { queue: 'WINDOW', empty: '窗口队列中没有待受理的办件' }, meta: { title: '窗口受理', roles: ['WINDOW_CLERK'] },
      },
      { path: 'cases/walk-in', name: 'walk-in', component: () => import('./pages/cases/WalkIn.vue'), meta: { title: '代为收件', roles: ['WINDOW_CLERK'] } },
      {
        path: 'cases/results', name: 'case-results', component: () => import('./pages/cases/CaseQueue.vue'),
        props: { queue: 'RESULT', empty: '没有待出件或待办结的办件' }, meta: { title: '出件办结', roles: ['WINDOW_CLERK'] },
      },
      {
        path: 'cases/review', name: 'case-review', component: () => import('./pages/cases/CaseQueue.vue'),
        props: { queue: 'REVIEW', claimFilter: true, empty: '本部门没有待审批的办件' }, meta: { title: '审批', roles: ['DEPT_REVIEWER'] },
      },
      {
        path: 'cases/rejections', name: 'case-rejections', component: () => import('./pages/cases/CaseQueue.vue'),
        props: { queue: 'WINDOW', fixedStatuses: ['REJECTION_PROPOSED'], empty: '没有待确认的不予受理意见' },
        meta: { title: '不予受理确认', roles: ['HALL_SUPERVISOR'] },
      },
      {
        path: 'ratings', name: 'ratings', component: () => import('./pages/ratings/RatingList.vue'),
        meta: { title: '好差评', roles: ['CITY_ADMIN', 'HALL_SUPERVISOR', 'DEPT_REVIEWER', 'COUNTY_VIEWER'] },
      },
      {
        path: 'ratings/rectifications', name: 'rectifications', component: () => import('./pages/ratings/Rectifications.vue'),
        meta: { title: '差评整改', roles: ['CITY_ADMIN', 'HALL_SUPERVISOR', 'DEPT_REVIEWER', 'COUNTY_VIEWER'] },
      },
      { path: 'cases/overdue', name: 'case-overdue', component: () => import('./pages/cases/OverdueCases.vue'), meta: { title: '督办', roles: ['HALL_SUPERVISOR'] } },
      {
        path: 'cases/:id', name: 'case', component: () => import('./pages/cases/CaseDetail.vue'),
        meta: { title: '办件', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR'] },
      },
      // Themes (主题式服务 · 一件事) and the city service menu (菜单式服务): catalogue admins edit; other
      // staff read the published themes
      { path: 'themes', name: 'themes', component: () => import('./pages/themes/ThemeList.vue'), meta: { title: '主题服务' } },
      {
        path: 'themes/new', name: 'theme-new', component: () => import('./pages/themes/ThemeEditor.vue'),
        meta: { title: '新建主题', roles: ['CATALOG_ADMIN'] },
      },
      { path: 'themes/:code', name: 'theme', component: () => import('./pages/themes/ThemeEditor.vue'), meta: { title: '主题' } },
      {
        path: 'service-menu', name: 'service-menu', component: () => import('./pages/themes/ServiceMenuEditor.vue'),
        meta: { title: '服务菜单', roles: ['CATALOG_ADMIN'] },
      },
      {
        path: 'search-synonyms', name: 'search-synonyms', component: () => import('./pages/SearchSynonyms.vue'),
        meta: { title: '搜索同义词', roles: ['CATALOG_ADMIN', 'CITY_ADMIN'] },
      },
      // Themed bundles (主题办件 · 一件事): the window's walk-in and queues, the back office's, everyone's
      { path: 'bundles/walk-in', name: 'bundle-walk-in', component: () => import('./pages/bundles/BundleWalkIn.vue'), meta: { title: '主题收件', roles: ['WINDOW_CLERK'] } },
      {
        path: 'bundles/window', name: 'bundle-window', component: () => import('./pages/bundles/BundleQueue.vue'),
        props: { queue: 'WINDOW', empty: '没有待受理的主题办件' }, meta: { title: '主题办件受理', roles: ['WINDOW_CLERK'] },
      },
      {
        path: 'bundles/results', name: 'bundle-results', component: () => import('./pages/bundles/BundleQueue.vue'),
        props: { queue: 'RESULT', empty: '没有待统一出件的主题办件' }, meta: { title: '主题办件出件', roles: ['WINDOW_CLERK'] },
      },
      {
        path: 'bundles/review', name: 'bundle-review', component: () => import('./pages/bundles/BundleQueue.vue'),
        props: { queue: 'REVIEW', empty: '本部门没有在办的主题办件' }, meta: { title: '主题办件审批', roles: ['DEPT_REVIEWER'] },
      },
      {
        path: 'bundles', name: 'bundle-all', component: () => import('./pages/bundles/BundleQueue.vue'),
        props: { queue: 'ALL', empty: '没有主题办件' }, meta: { title: '主题办件', roles: ['HALL_SUPERVISOR', 'CITY_ADMIN', 'COUNTY_VIEWER'] },
      },
      // 工程建设项目审批: the projects, and one project's four stages against their budgets
      {
        path: 'bundles/construction', name: 'construction-projects', component: () => import('./pages/bundles/ConstructionProjects.vue'),
        meta: { title: '工程建设项目', roles: ['DEPT_REVIEWER', 'HALL_SUPERVISOR', 'CITY_ADMIN', 'COUNTY_VIEWER'] },
      },
      {
        path: 'bundles/construction/:id', name: 'construction-project', component: () => import('./pages/bundles/ConstructionProject.vue'),
        meta: { title: '工程建设项目详情', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR', 'CITY_ADMIN', 'COUNTY_VIEWER'] },
      },
      // 二手房转移登记 · 水电气暖网联动过户: the transfers, and one with each utility's state
      {
        path: 'real-estate/:id?', name: 'real-estate', component: () => import('./pages/bundles/RealEstateTransfer.vue'),
        meta: { title: '二手房联动过户', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR', 'CITY_ADMIN', 'COUNTY_VIEWER'] },
      },
      {
        path: 'bundles/:id', name: 'bundle', component: () => import('./pages/bundles/BundleDetail.vue'),
        meta: { title: '主题办件详情', roles: ['WINDOW_CLERK', 'DEPT_REVIEWER', 'HALL_SUPERVISOR', 'CITY_ADMIN', 'COUNTY_VIEWER'] },
      },
      // 吐槽找茬 (a handler's queue, a supervisor's board), 帮办代办, the hall's day with check-in
      {
        path: 'complaints', name: 'complaints', component: () => import('./pages/complaints/ComplaintBoard.vue'),
        meta: { title: '投诉（吐槽找茬）', roles: ['DEPT_REVIEWER', 'HALL_SUPERVISOR', 'CITY_ADMIN'] },
      },
      {
        path: 'assistance', name: 'assistance', component: () => import('./pages/complaints/AssistanceRequests.vue'),
        meta: { title: '帮办代办', roles: ['HALL_SUPERVISOR', 'CITY_ADMIN', 'ASSISTANCE_AGENT'] },
      },
      {
        path: 'hall-day', name: 'hall-day', component: () => import('./pages/complaints/HallDay.vue'),
        meta: { title: '当日预约', roles: ['WINDOW_CLERK', 'HALL_SUPERVISOR'] },
      },
      // The signed exchange with partners (合作单位 · 交换日志 · 对账): administrators of the region
      {
        path: 'exchange/partners', name: 'exchange-partners', component: () => import('./pages/exchange/PartnerList.vue'),
        meta: { title: '合作单位', roles: ['CITY_ADMIN'] },
      },
      {
        path: 'exchange/log', name: 'exchange-log', component: () => import('./pages/exchange/ExchangeLog.vue'),
        meta: { title: '交换日志', roles: ['CITY_ADMIN'] },
      },
      {
        path: 'exchange/reconciliation', name: 'exchange-reconciliation', component: () => import('./pages/exchange/ReconciliationReport.vue'),
        meta: { title: '对账', roles: ['CITY_ADMIN'] },
      },
      {
        path: 'shared-data/pulls', name: 'shared-data-pulls', component: () => import('./pages/SharedDataPulls.vue'),
        meta: { title: '基础库调用日志', roles: ['CITY_ADMIN'] },
      },
      { path: 'outbox', name: 'outbox', component: () => import('./pages/notifications/OutboxList.vue'), meta: { title: '通知发件箱', roles: ['CITY_ADMIN'] } },
      { path: 'forbidden', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue'), meta: { title: '无权访问' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFound.vue'), meta: { title: '页面不存在' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory('/admin/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!session.me && !(await restore())) {
    // the bare /admin/ (redirected to the catalogue) asks for no page: the sign-in lands on the role's own
    const asked = to.fullPath !== '/' && to.redirectedFrom?.fullPath !== '/';
    return { name: 'login', query: asked ? { redirect: to.fullPath } : {} };
  }
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 聊易管理端` : '聊易管理端';
});

onSessionExpired((username) => {
  const current = router.currentRoute.value;
  // before the first page is shown (a reload with a stale token) the guard sends to the login page
  if (current.matched.length && !current.meta.public) {
    // the page is kept for whoever was on it: someone else signing in starts on their own page
    const query: Record<string, string> = { redirect: current.fullPath, expired: '1' };
    if (username) query.user = username;
    void router.push({ name: 'login', query });
  }
});

