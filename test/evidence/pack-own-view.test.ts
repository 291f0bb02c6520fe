// Issue 13 §6: an employee's own evidence pack shows the staff who acted by role (人事专员), not
// by name, IP and device; the employee's own entries keep theirs. HR's pack keeps everything.
import { describe, expect, it } from 'vitest';
import { writeAuditEvent } from '../../src/services/audit/write-audit-event.ts';
import { buildEvidencePack } from '../../src/services/evidence/build-evidence-pack.ts';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';
import { systemActor } from '../../src/domain/actor.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DEVICE, seedPackLedger } from './pack-fixture.ts';

const t = await createTestDb();
const seeded = await seedPackLedger(t.deps);
const HR_IP = '198.51.100.23';
const HR_DEVICE = 'Mozilla/5.0 (Windows NT 10.0) HR-desktop';
await t.db.$transaction(async (tx) => {
  await writeAuditEvent(tx, { ...seeded.hr, ip: HR_IP, userAgent: HR_DEVICE }, { type: 'employee.personal_data_read', data: { employeeNo: seeded.employee.employeeNo, fields: ['idNumber'], purpose: '核对' } }, { type: 'employee', id: seeded.employee.id });
  await writeAuditEvent(tx, systemActor('job:enrolment-deadline-sweep'), { type: 'employee.personal_data_read', data: { employeeNo: seeded.employee.employeeNo, fields: ['mobile'], purpose: '提醒' } }, { type: 'employee', id: seeded.employee.id });
});

interface Row { who: string; roles: string; ip: string; device: string; type: string }
async function timelineOf(actor: typeof seeded.hr) {
  const pack = await buildEvidencePack(t.deps, { scope: { kind: 'employee', employeeId: seeded.employee.id }, actor });
  const files = await readPackZip(pack.zip);
  return { rows: JSON.parse(files.get('timeline.json')!.toString('utf8')) as Row[], csv: files.get('timeline.csv')!.toString('utf8') };
}

describe("an employee's own evidence pack", () => {
  it('shows staff by role without name, IP or device, and keeps the employee\'s own', async () => {
    const { rows, csv } = await timelineOf(seeded.employeeActor);
    const byHr = rows.filter((r) => r.who === '人事专员');
    expect(byHr.length).toBeGreaterThan(0);
    for (const r of byHr) expect([r.roles, r.ip, r.device]).toEqual(['人事专员', '', '']);
    expect(rows.some((r) => r.who === '系统' && r.ip === '')).toBe(true);
    expect(csv).not.toContain(seeded.hr.name);
    expect(csv).not.toContain(HR_IP);
    expect(csv).not.toContain(HR_DEVICE);
    const own = rows.find((r) => r.type === 'declaration.signed');
    expect(own).toMatchObject({ who: seeded.employee.name, ip: '203.0.113.7', device: DEVICE });
  });

  it('keeps names, IPs and devices in the pack HR exports', async () => {
    const { rows, csv } = await timelineOf(seeded.hr);
    expect(rows.find((r) => r.type === 'employee.personal_data_read' && r.ip === HR_IP)).toMatchObject({ who: seeded.hr.name, device: HR_DEVICE });
    expect(csv).toContain(seeded.hr.name);
  });
});
