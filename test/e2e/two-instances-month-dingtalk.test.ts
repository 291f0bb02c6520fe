// The simulated month (two-instances-month-run.ts) with DingTalk: both instances hold a Stream
// connection to the gateway fake and deliver to the API fake; clock-ins through DingTalk 考勤
// (attendance/list); the HR manager's approval and the line manager's answers to the absence cards
// as card callbacks the gateway pushes to both connections, as DingTalk may redeliver an unacked
// frame on another one. Every interactive card must exist once per outTrackId with the recipients
// the database names, and every robot message (texts, the notice PDF) reach each member once:
// robot sends carry no idempotency key, so a kill mid-send must not double one.
import { TOPIC_CARD } from 'dingtalk-stream';
import { expect } from 'vitest';
import { parseOutboundPayload, parseOutboxRecipients } from '../../src/outbox/outbox-message-json.ts';
import { OUTCOME_UNKNOWN } from '../../src/outbox/send-journal.ts';
import { parseRecipients } from '../../src/services/cards/card-instance-json.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeDingtalkStreamGateway } from '../fakes/fake-dingtalk-stream-gateway.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';
import { describeMonth } from './two-instances-month-run.ts';

const CREATE_CARD = '/v1.0/card/instances/createAndDeliver';
const chinaMs = (day: string, time: string) => Date.parse(`${day}T${time}+08:00`);

await describeMonth('two instances on one database through a simulated month with DingTalk', async () => {
  const api = await startFakeDingtalkApiServer();
  const gateway = await startFakeDingtalkStreamGateway({ clientId: api.clientId, clientSecret: api.clientSecret });
  return {
    env: {
      DINGTALK_CLIENT_ID: api.clientId, DINGTALK_CLIENT_SECRET: api.clientSecret, DINGTALK_ROBOT_CODE: api.robotCode,
      DINGTALK_CARD_TEMPLATE_ID: api.cardTemplateId, DINGTALK_API_BASE: api.url, DINGTALK_OAPI_BASE: api.url,
      DINGTALK_STREAM_GATEWAY: gateway.gatewayUrl,
    },
    clients: (db) => ({ dingtalk: dingtalkClientFor(api, db) }),
    loseAnswers(n) {
      const before = api.requestsTo(CREATE_CARD).length;
      api.failNext(n, 'answer-lost', CREATE_CARD);
      return () => Math.min(n, api.requestsTo(CREATE_CARD).length - before);
    },
    ready: async () => void (await waitFor('a Stream connection from each instance', async () => (gateway.openSockets() === 2 ? true : undefined), 60_000)),
    outcomeUnknown: (m) => m.status === 'DEAD' && (m.lastError ?? '').includes(OUTCOME_UNKNOWN),
    async close() {
      await gateway.close();
      await api.close();
    },
    platform: {
      name: 'dingtalk',
      userIdColumn: '钉钉UserID',
      clockIn: (userId, day) => void api.data.attendance.push({ userId, checkType: 'OnDuty', timeResult: 'Normal', locationResult: 'Normal', userCheckTime: chinaMs(day, '09:00:00'), workDate: chinaMs(day, '00:00:00') }),
      async click({ by, cardKey, actionId }) {
        await waitFor('the card at DingTalk', async () => api.cards.get(cardKey), 60_000);
        const content = JSON.stringify({ cardPrivateData: { actionIds: [actionId], params: {} } });
        const pushed = gateway.pushCallback(TOPIC_CARD, { type: 'actionCallback', outTrackId: cardKey, userId: by, corpId: 'ding-corp', content });
        await gateway.waitForAck(pushed.messageId, 2, 10_000); // one ack from each connection
        return cardKey;
      },
      updatesOf: (clicks) => clicks.flatMap((key) => (api.cards.get(key)?.updates ?? []).map(() => key)),
      filesTo: (userId) => api.robotMessages.filter((m) => m.userId === userId && m.msgKey === 'sampleFile').length,
    },
    async checkDelivered(db) {
      // Interactive cards: one per outTrackId, to the recipients the database names. A creation
      // whose answer died with its instance is sent again with the same outTrackId, which DingTalk
      // never shows twice.
      const cards = await db.cardInstance.findMany({ where: { platform: 'dingtalk' } });
      expect([...api.cards.keys()].sort()).toEqual(cards.map((c) => c.cardKey).sort());
      for (const c of cards) expect([...api.cards.get(c.cardKey)!.userIds].sort(), c.type).toEqual(parseRecipients(c.recipients).map((r) => r.userId).sort());
      // A card decided in the app shows it in DingTalk, though the decision may have come while
      // the card itself was still queued (an instance died holding it): its update waited for it,
      // or the card went out decided.
      const stale = cards.filter((c) => c.state === 'DECIDED' && api.cards.get(c.cardKey)!.params.status !== 'decided');
      expect(stale.map((c) => `${c.type} ${c.cardKey}`)).toEqual([]);
      expect(cards.some((c) => c.state === 'DECIDED')).toBe(true);
      // Robot messages (texts and files): each member got each one once; one whose send a kill
      // cut off (outcome unknown, dead-lettered for HR) at most once.
      const rows = await db.outboxMessage.findMany();
      const robotKeys = (status: string) => rows.filter((m) => m.status === status).flatMap((m) => {
        const payload = parseOutboundPayload(m.payload);
        const content = payload.kind === 'text' ? `text ${payload.text}` : payload.kind === 'file' ? `file ${payload.fileName}` : undefined;
        return content === undefined ? [] : parseOutboxRecipients(m.recipients).map((u) => `${u} ${content}`);
      });
      const received = api.robotMessages.map((m) => {
        const param = m.msgParam as { content?: string; fileName?: string };
        return `${m.userId} ${m.msgKey === 'sampleFile' ? `file ${param.fileName}` : `text ${param.content}`}`;
      });
      const sent = robotKeys('SENT');
      expect(sent.some((k) => k.includes(' file '))).toBe(true);
      const unknown = robotKeys('DEAD');
      const receivedOfSent = received.filter((k) => !unknown.includes(k));
      expect(receivedOfSent.sort()).toEqual(sent.sort());
      for (const k of unknown) expect(received.filter((r) => r === k).length, k).toBeLessThanOrEqual(1);
      expect(api.groupMessages).toEqual([]);
    },
  };
});
