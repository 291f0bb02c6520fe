// The lawful exception end to end over the real HTTP stack and WeCom: the employee asks, signs the
// declaration with a drawn signature and uploads a PDF proof; HR's first submit without the proof
// is refused naming it; HR submits; the HR manager approves through a signed WeCom card callback.
import { describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';

const t = await createTestDb();
const { fake, request, startWorkers, click } = await wecomDeployment(t);
const bearer = async (employeeId: string) => ({ Authorization: `Bearer ${(await createSession(t.deps, { employeeId, platform: 'wecom', method: 'test' })).token}` });

describe('insurance exception over WeCom', () => {
  it('employee signs and uploads, HR submits, the HR manager approves with a signed card click', async () => {
    await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', identities: { wecom: 'hrm-a' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { wecom: 'hr-s' } });
    const emp = await makeActor(t.deps, ['EMPLOYEE'], { name: '孙退休', identities: { wecom: 'sun' } });
    const [asEmp, asHr] = await Promise.all([bearer(emp.employee.id), bearer(hr.employee.id)]);
    await startWorkers();

    const asked = await request.post('/api/v1/exceptions').set(asEmp).send({ reasonCategory: 'RETIRED_PENSIONER' });
    expect([asked.status, asked.body.exception.status]).toEqual([201, 'DRAFT']);
    const id = asked.body.exception.id as string;
    await waitFor('the request card to HR', async () => fake.delivered.some((d) => d.userId === 'hr-s' && JSON.stringify(d.message).includes('社保例外申请')));

    const signed = await request.post('/api/v1/signatures').set(asEmp).send({
      template: 'insurance-exception-declaration', subjectId: id, typedName: '孙退休', statementAccepted: true, signaturePng: `data:image/png;base64,${signedPng().toString('base64')}`,
    });
    expect(signed.status).toBe(201);
    const refused = await request.post(`/api/v1/exceptions/${id}/submit`).set(asHr);
    expect([refused.status, refused.body.error.message]).toEqual([400, '无法提交：缺少必需材料「退休证或养老金领取证明」']);

    const uploaded = await request.post('/api/v1/proofs').set(asEmp).field('kind', 'PENSION_CERTIFICATE').field('consent', 'true').field('exceptionId', id).field('coversMonth', '2026-01')
      .attach('file', pdfBytes(), { filename: '退休证.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    const submitted = await request.post(`/api/v1/exceptions/${id}/submit`).set(asHr);
    expect([submitted.status, submitted.body.exception.status]).toEqual([200, 'SUBMITTED']);

    const card = await waitFor('the approval card at WeCom', async () => fake.delivered.find((d) => d.userId === 'hrm-a' && d.msgtype === 'template_card' && JSON.stringify(d.message).includes('社保例外审批')));
    // A pensioner's work injury follows the city's rules for over-age workers, else employer's liability insurance.
    expect(JSON.stringify(card.message)).toContain('工伤（按当地规定，不受理则投雇主责任险）');
    const code = await waitFor('the response code', async () => {
      const c = await t.db.cardInstance.findUnique({ where: { cardKey: card.taskId! } });
      return (c?.responseCodes as Record<string, string> | null)?.['hrm-a'];
    });
    expect((await click({ from: 'hrm-a', taskId: card.taskId!, eventKey: APPROVAL_APPROVE, responseCode: code }).send()).status).toBe(200);
    await waitFor('the exception to be APPROVED', async () => (await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status === 'APPROVED');
    const detail = await request.get(`/api/v1/exceptions/${id}`).set(asHr);
    expect(detail.body).toMatchObject({ status: 'APPROVED', approval: { status: 'APPROVED' }, tasks: [{ kind: 'enrolment.owed', state: 'OPEN', title: expect.stringContaining('雇主责任险') }] });
    expect(detail.body.documents.every((d: { present: boolean }) => d.present)).toBe(true);
  });
});
