// Clock-in, 我的打卡, work sites, calendar overrides and leave through the real HTTP stack:
// the fence, the server's clock, idempotent repeats, and bad, forged and wrong-role input.
import { beforeAll, describe, expect, it } from 'vitest';
import { toGcj02 } from '../../src/domain/attendance/geofence.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

let now = new Date('2026-10-09T00:58:00Z'); // 08:58 in Beijing
const t = await createTestDb({ now: () => now });
const { request, auth } = createTestApp(t);
const centre = { lat: 31.2304, lng: 121.4737 };
const headers = {} as Record<'me' | 'boss' | 'hr', Record<string, string>>;
const ids = {} as Record<'me' | 'boss' | 'hr', string>;

beforeAll(async () => {
  const boss = await makeActor(t.deps, ['EMPLOYEE'], { name: '王经理', employeeNo: 'B001' });
  const me = await makeActor(t.deps, ['EMPLOYEE'], { name: '张三', managerEmployeeNo: 'B001' });
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事' });
  for (const [k, e] of [['me', me], ['boss', boss], ['hr', hr]] as const) {
    headers[k] = { Authorization: `Bearer ${(await createSession(t.deps, { employeeId: e.employee.id, platform: 'sandbox', method: 'test' })).token}` };
    ids[k] = e.employee.id;
  }
});

describe('work sites', () => {
  it('lets HR create a site from GCJ-02 coordinates (stored as WGS-84) and refuses employees', async () => {
    const gcj = toGcj02(centre);
    const res = await request.post('/api/v1/work-sites').set(headers.hr).send({ name: '上海总部', ...gcj, coordSystem: 'gcj02', radiusM: 200 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.lat).toBeCloseTo(centre.lat, 4);
    expect(res.body.lng).toBeCloseTo(centre.lng, 4);
    expect((await request.post('/api/v1/work-sites').set(headers.me).send({ name: '我家', ...centre, coordSystem: 'wgs84', radiusM: 200 })).status).toBe(403);
    const dup = await request.post('/api/v1/work-sites').set(auth).send({ name: '上海总部', ...centre, coordSystem: 'wgs84', radiusM: 200 });
    expect(dup.status).toBe(409);
    const tiny = await request.post('/api/v1/work-sites').set(auth).send({ name: '小', ...centre, coordSystem: 'wgs84', radiusM: 5 });
    expect(tiny.status).toBe(400);
    expect(JSON.stringify(tiny.body)).toContain('至少 30 米');
    const list = await request.get('/api/v1/work-sites').set(headers.me);
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['上海总部']);
  });

  it('edits a site in place, and refuses an edit of a site that is gone without recreating it', async () => {
    const site = (await request.post('/api/v1/work-sites').set(headers.hr).send({ name: '北京分部', lat: 39.9042, lng: 116.4074, coordSystem: 'wgs84', radiusM: 200 })).body;
    const edited = await request.put(`/api/v1/work-sites/${site.id}`).set(headers.hr).send({ name: '北京分部', lat: 39.9042, lng: 116.4074, coordSystem: 'wgs84', radiusM: 500 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ id: site.id, radiusM: 500 });
    await t.db.workSite.delete({ where: { id: site.id } });
    const events = await t.db.auditEvent.count({ where: { type: 'worksite.saved' } });
    const gone = await request.put(`/api/v1/work-sites/${site.id}`).set(headers.hr).send({ name: '北京分部', lat: 39.9042, lng: 116.4074, coordSystem: 'wgs84', radiusM: 300 });
    expect(gone.status).toBe(404);
    expect(JSON.stringify(gone.body)).toContain('找不到该打卡地点');
    expect(await t.db.workSite.count({ where: { name: '北京分部' } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { type: 'worksite.saved' } })).toBe(events);
  });
});

describe('POST /api/v1/attendance/clock-in', () => {
  it('records a clock-in inside the fence at the server time, ignoring any client time, and repeats idempotently within a minute', async () => {
    const res = await request.post('/api/v1/attendance/clock-in').set(headers.me).send({ lat: centre.lat + 0.0005, lng: centre.lng, accuracy: 15, coordSystem: 'wgs84' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ repeated: false, record: { time: '2026-10-09 08:58', kind: '上班', insideFence: true, flags: [], siteName: '上海总部' } });
    expect(res.body.record.distanceM).toBeGreaterThan(50);
    expect(JSON.stringify(res.body)).not.toMatch(/31\.23|121\.47/); // the position is never returned
    const row = await t.db.attendanceRecord.findUniqueOrThrow({ where: { id: res.body.record.id } });
    expect(row.locationEnc).toMatch(/^v1/);
    expect(t.deps.cipher.decrypt(row.locationEnc ?? '')).toBe('31.230900,121.473700');
    now = new Date('2026-10-09T00:58:40Z');
    const again = await request.post('/api/v1/attendance/clock-in').set(headers.me).send({ lat: centre.lat, lng: centre.lng, coordSystem: 'wgs84' });
    expect(again.body).toMatchObject({ repeated: true, record: { id: res.body.record.id } });
    expect(await t.db.attendanceRecord.count({ where: { employeeId: ids.me } })).toBe(1);
  });

  it('refuses an outside clock-in without a note with the distance, and flags it when a note is given', async () => {
    now = new Date('2026-10-09T10:00:00Z');
    const far = { lat: centre.lat + 0.01, lng: centre.lng, coordSystem: 'wgs84' };
    const res = await request.post('/api/v1/attendance/clock-in').set(headers.me).send(far);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('您不在打卡范围内（距离 1112 米，允许 200 米）。如确需外勤打卡，请填写说明后提交');
    expect(res.body.error.details).toMatchObject({ reason: 'outside_fence', distanceM: 1112, radiusM: 200 });
    const ok = await request.post('/api/v1/attendance/clock-in').set(headers.me).send({ ...far, note: '拜访客户' });
    expect(ok.status).toBe(201);
    expect(ok.body.record).toMatchObject({ kind: '下班', insideFence: false, flags: ['outside_fence'], note: '拜访客户', time: '2026-10-09 18:00' });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'attendance.clocked_in', data: { path: ['recordId'], equals: ok.body.record.id } } });
    expect(audit.data).toMatchObject({ insideFence: false, distanceM: 1112, flags: ['outside_fence'] });
  });

  it('rejects malformed positions, oversized notes, unknown fields and callers without an employee', async () => {
    const bad = [
      { lat: 91, lng: 121, coordSystem: 'wgs84' },
      { lat: 'NaN', lng: 121, coordSystem: 'wgs84' },
      { lat: 31, lng: 121, coordSystem: 'bd09' },
      { lat: 31, lng: 121, accuracy: -1 },
      { lat: 31, lng: 121, note: '长'.repeat(201) },
      { lat: 31, lng: 121, at: '2026-10-09T00:00:00Z' },
    ];
    for (const body of bad) expect((await request.post('/api/v1/attendance/clock-in').set(headers.me).send(body)).status, JSON.stringify(body)).toBe(400);
    const vague = await request.post('/api/v1/attendance/clock-in').set(headers.me).send({ ...centre, accuracy: 5000 });
    expect(vague.body.error.message).toContain('定位精度太低');
    expect((await request.post('/api/v1/attendance/clock-in').set(auth).send(centre)).status).toBe(403);
    expect((await request.post('/api/v1/attendance/clock-in').send(centre)).status).toBe(401);
    expect((await request.post('/api/v1/attendance/clock-in').set({ Authorization: 'Bearer forged' }).send(centre)).status).toBe(401);
    expect(await t.db.attendanceRecord.count({ where: { employeeId: ids.me } })).toBe(2);
  });
});

describe('reading clock-ins', () => {
  it('shows me my records newest first, my manager my records, and nobody else', async () => {
    const mine = await request.get('/api/v1/attendance/mine?from=2026-10-01&to=2026-10-31').set(headers.me);
    expect(mine.body.records.map((r: { time: string }) => r.time)).toEqual(['2026-10-09 18:00', '2026-10-09 08:58']);
    expect((await request.get(`/api/v1/attendance?employeeId=${ids.me}&from=2026-10-01&to=2026-10-31`).set(headers.boss)).body.records).toHaveLength(2);
    expect((await request.get(`/api/v1/attendance?employeeId=${ids.boss}`).set(headers.me)).status).toBe(403);
    expect((await request.get('/api/v1/attendance/mine?from=2026-10-31&to=2026-10-01').set(headers.me)).status).toBe(400);
    expect((await request.get('/api/v1/attendance/mine?from=2026-02-30').set(headers.me)).status).toBe(400);
  });
});

describe('calendar overrides and leave', () => {
  it('lets HR set, list and delete an override with a reason, and refuses employees', async () => {
    const put = await request.put('/api/v1/calendar/overrides/2026-11-03').set(headers.hr).send({ isWorkday: false, reason: '园区停电' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await request.get('/api/v1/calendar/overrides?year=2026').set(headers.hr)).body).toMatchObject({ hasHolidayData: true, overrides: [{ day: '2026-11-03', isWorkday: false, reason: '园区停电' }] });
    expect((await request.get('/api/v1/calendar/overrides?year=2027').set(headers.hr)).body).toMatchObject({ hasHolidayData: false, overrides: [] });
    expect((await request.put('/api/v1/calendar/overrides/2026-11-04').set(headers.me).send({ isWorkday: false, reason: '想休息' })).status).toBe(403);
    expect((await request.put('/api/v1/calendar/overrides/2026-13-01').set(headers.hr).send({ isWorkday: false, reason: '无效日期' })).status).toBe(400);
    expect((await request.put('/api/v1/calendar/overrides/2026-11-05').set(headers.hr).send({ isWorkday: false })).status).toBe(400);
    expect((await request.delete('/api/v1/calendar/overrides/2026-11-03?reason=恢复供电').set(headers.hr)).status).toBe(204);
    expect((await request.delete('/api/v1/calendar/overrides/2026-11-03?reason=再次删除').set(headers.hr)).status).toBe(404);
    expect(await t.db.auditEvent.count({ where: { type: 'calendar.override_changed' } })).toBe(2);
  });

  it('lets HR record approved leave and refuses a reversed range or another role', async () => {
    const ok = await request.post('/api/v1/leaves').set(headers.hr).send({ employeeId: ids.me, fromDay: '2026-10-12', toDay: '2026-10-13', kind: '病假' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await request.post('/api/v1/leaves').set(headers.hr).send({ employeeId: ids.me, fromDay: '2026-10-13', toDay: '2026-10-12', kind: '病假' })).status).toBe(400);
    expect((await request.post('/api/v1/leaves').set(headers.me).send({ employeeId: ids.me, fromDay: '2026-10-12', toDay: '2026-10-13', kind: '年假' })).status).toBe(403);
    expect((await request.post('/api/v1/leaves').set(headers.hr).send({ employeeId: ids.me, fromDay: '2026-10-12', toDay: '2026-10-13', kind: '带薪摸鱼' })).status).toBe(400);
  });
});

describe('POST /api/v1/absence-cases/:id/decision', () => {
  it('lets the line manager answer 已联系上 with a note, refuses the employee, and answers a repeat with 409', async () => {
    const absence = await t.db.absenceCase.create({
      data: { uniqueKey: `att:${ids.me}:2026-10-10`, employeeId: ids.me, trigger: 'attendance', firstAbsentDay: new Date('2026-10-10'), lastCheckedDay: new Date('2026-10-13'), absentDays: 3, days: ['2026-10-10', '2026-10-12', '2026-10-13'], managerDueAt: new Date('2026-10-14T16:00:00Z') },
    });
    const path = `/api/v1/absence-cases/${absence.id}/decision`;
    expect((await request.post(path).set(headers.me).send({ decision: 'contacted' })).status).toBe(403);
    expect((await request.post(path).set(headers.boss).send({ decision: 'maybe' })).status).toBe(400);
    const ok = await request.post(path).set(headers.boss).send({ decision: 'contacted', note: '电话联系上，明日返岗' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await t.db.absenceCase.findUniqueOrThrow({ where: { id: absence.id } })).toMatchObject({ state: 'CONTACTED', decidedByName: '王经理', note: '电话联系上，明日返岗' });
    expect((await request.post(path).set(headers.hr).send({ decision: 'unreachable' })).status).toBe(409);
    const listed = await request.get('/api/v1/absence-cases?state=CONTACTED').set(headers.boss);
    expect(listed.body.map((c: { employee: { name: string } }) => c.employee.name)).toEqual(['张三']);
    expect((await request.get('/api/v1/absence-cases').set(headers.me)).body).toEqual([]);
  });
});
