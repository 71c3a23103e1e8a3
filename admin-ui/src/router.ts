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
      { path: 'staff', name: 'staff', component: () => import('./pages/StaffList.vue'), meta: { title: '工作人员', roles: ['CITY_ADMIN'] } },
      { path: 'api-keys', name: 'api-keys', component: () => import('./pages/ApiKeys.vue'), meta: { title: 'API 密钥', roles: ['CITY_ADMIN'] } },
      {
        path: 'access-log', name: 'access-log', component: () => import('./pages/AccessLog.vue'),
        meta: { title: '个人信息访问日志', roles: ['AUDITOR', 'CITY_ADMIN'] },
      },
      { path: 'forbidden', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue'), meta: { title: '无权访问' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./pages/NotFound.vue'), meta: { title: '页面不存在' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory('/admin/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!session.me && !(await restore())) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 聊易管理端` : '聊易管理端';
});

onSessionExpired(() => {
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
});
