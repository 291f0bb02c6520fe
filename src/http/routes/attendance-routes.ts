import { z } from 'zod';
import { clockIn } from '../../services/attendance/clock-in.ts';
import { listAttendance } from '../../services/attendance/list-attendance.ts';
import { listWorkSites } from '../../services/attendance/list-work-sites.ts';
import { saveWorkSite } from '../../services/attendance/save-work-site.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { day } from '../../services/employees/employee-input.ts';
import { defineRoute, idParams } from '../api-route.ts';

const coordSystem = z.enum(['wgs84', 'gcj02'], { message: '定位坐标的格式不正确，请在打卡页面重新定位' });
const lat = z.number({ message: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const lng = z.number({ message: '经度应为数字' }).min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');

const clockInBody = z
  .object({
    lat,
    lng,
    accuracy: z.number({ message: '定位精度应为数字（米）' }).min(0, '定位精度不能为负数').optional(),
    coordSystem: coordSystem.default('wgs84'),
    note: z.string().trim().max(200, '说明最多 200 个字').optional(),
  })
  .strict();

const rangeQuery = z.object({ from: day.optional(), to: day.optional(), employeeId: z.uuid({ message: '员工编号格式不正确，请从列表重新打开' }).optional() });

const siteBody = z
  .object({
    name: z.string().trim().min(1, '请填写地点名称').max(50, '地点名称最多 50 个字'),
    address: z.string().trim().max(200).nullish(),
    lat,
    lng,
    coordSystem,
    radiusM: z.number().int('半径应为整数（米）').min(30, '打卡范围至少 30 米（手机定位有误差）').max(5000, '打卡范围最多 5000 米'),
    active: z.boolean().optional(),
  })
  .strict();

const siteParams = idParams('地点');

export function attendanceRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/attendance/clock-in', tag: 'attendance', body: clockInBody, status: 201,
      summary: 'Clock in now (server time) at the caller\'s position; outside the fence a note is required and the record is flagged outside_fence. A repeat within 60 s returns the first record',
      roles: 'every employee role: self',
      handler: ({ actor, body }) => clockIn(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/attendance/mine', tag: 'attendance', query: rangeQuery,
      summary: 'My clock-ins between two days (default: the last 30 days), newest first; times in Asia/Shanghai',
      roles: 'every employee role: self',
      handler: ({ actor, query }) => listAttendance(deps, { actor, from: query.from, to: query.to }),
    }),
    defineRoute({
      method: 'get', path: '/attendance', tag: 'attendance', query: rangeQuery,
      summary: 'Clock-ins of one employee (employeeId): managers for their team, HR for everyone',
      roles: 'MANAGER: team; HR_SPECIALIST, HR_MANAGER, ADMIN: all; anyone: self',
      handler: ({ actor, query }) => listAttendance(deps, { actor, ...query }),
    }),
    defineRoute({
      method: 'get', path: '/work-sites', tag: 'attendance',
      summary: 'Work sites (geofence centre in WGS-84 and radius) where employees may clock in',
      roles: 'any signed-in caller',
      handler: () => listWorkSites(deps),
    }),
    defineRoute({
      method: 'post', path: '/work-sites', action: 'worksite.manage', tag: 'attendance', body: siteBody, status: 201,
      summary: 'Create a work site; a GCJ-02 centre (from a Chinese map app) is converted to WGS-84',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, body }) => saveWorkSite(deps, { actor, input: body }),
    }),
    defineRoute({
      method: 'put', path: '/work-sites/:id', action: 'worksite.manage', tag: 'attendance', params: siteParams, body: siteBody,
      summary: 'Replace a work site (centre, radius, active)',
      roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN',
      handler: ({ actor, params, body }) => saveWorkSite(deps, { actor, id: params.id, input: body }),
    }),
  ];
}
