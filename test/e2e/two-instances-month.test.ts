// The simulated month (two-instances-month-run.ts) with WeCom: both instances deliver to the WeCom
// fake; clock-ins through WeCom 打卡; the HR manager's approval and the line manager's answers to
// the absence cards as signed template_card_event clicks posted to both instances at once. Every
// message must reach each recipient exactly once, and WeCom's per-member limit (30/min) hold
// across both instances: over 30 day-23 cards to each HR member within a minute, none dropped by
// the fake.
import { expect } from 'vitest';
import { parseOutboundPayload, parseOutboxRecipients } from '../../src/outbox/outbox-message-json.ts';
import { parseRecipients } from '../../src/services/cards/card-instance-json.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';
import { cardClickXml, wecomCrypto, wecomPost } from '../receivers/helpers/signed-callbacks.ts';
import { describeMonth } from './two-instances-month-run.ts';

const SEND = '/cgi-bin/message/send';

await describeMonth('two instances on one database through a simulated month with WeCom', async ({ baseUrls }) => {
  const fake = await startFakeWecomServer();
  const callbackCrypto = wecomCrypto(fake.corpId);
  return {
    env: wecomEnv(fake),
    clients: (db) => ({ wecom: wecomClientFor(fake, db) }),
    loseAnswers(n) {
      const before = fake.requestsTo(SEND).length;
      fake.failNext(n, 'answer-lost', SEND);
      return () => Math.min(n, fake.requestsTo(SEND).length - before);
    },
    ready: async () => undefined,
    // Every WeCom send can be retried safely (task_id, the duplicate check): nothing is ever unknown.
    outcomeUnknown: () => false,
    close: () => fake.close(),
    platform: {
      name: 'wecom',
      userIdColumn: '企业微信UserID',
      clockIn: (userid, day) => void fake.checkins.push({ userid, checkin_type: '上班打卡', exception_type: '', checkin_time: Date.parse(`${day}T09:00:00+08:00`) / 1000 }),
      async click({ by, cardKey, actionId }) {
        // A member clicks a card they were shown; WeCom hands the click a response code of its own.
        await expect.poll(() => fake.delivered.some((d) => d.taskId === cardKey && d.userId === by), { timeout: 60_000, interval: 200, message: `the card ${cardKey} at ${by}` }).toBe(true);
        const responseCode = fake.issueClickCode();
        const now = new Date();
        const xml = cardClickXml({ from: by, taskId: cardKey, eventKey: actionId, responseCode, createTime: Math.floor(now.getTime() / 1000) });
        const req = wecomPost(callbackCrypto, callbackCrypto.encrypt(xml), now);
        const answers = await Promise.all(baseUrls().map((url) => fetch(`${url}${req.path}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: req.body })));
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
        return `${responseCode} ${by}`;
      },
      updatesOf: (clicks) => fake.cardUpdates.filter((u) => clicks.some((c) => c.startsWith(`${u.responseCode} `))).map((u) => `${u.responseCode} ${u.userIds.join(',')}`),
      filesTo: (userId) => fake.delivered.filter((d) => d.userId === userId && d.msgtype === 'file').length,
    },
    async checkDelivered(db) {
      expect(fake.dropped).toEqual([]);
      // Cards: what the database says was queued, one delivery per card and recipient, per card type.
      const cards = await db.cardInstance.findMany({ where: { platform: 'wecom' } });
      const typeOf = new Map(cards.map((c) => [c.cardKey, c.type]));
      const expected = cards.flatMap((c) => parseRecipients(c.recipients).map((r) => `${c.type} ${r.userId} ${c.cardKey}`)).sort();
      const received = fake.delivered.filter((d) => d.msgtype === 'template_card').map((d) => `${typeOf.get(d.taskId ?? '') ?? 'unknown'} ${d.userId} ${d.taskId}`).sort();
      expect(received).toEqual(expected);
      // Every outbox message: each recipient got it once (cards by task id above; texts and files here).
      const rows = await db.outboxMessage.findMany();
      const queued = rows.flatMap((m) => {
        const kind = parseOutboundPayload(m.payload).kind;
        return kind === 'card_update' ? [] : parseOutboxRecipients(m.recipients).map((u) => `${kind === 'card' ? 'template_card' : kind} ${u}`);
      });
      expect(fake.delivered.map((d) => `${d.msgtype} ${d.userId}`).sort()).toEqual(queued.sort());
      // The member limit held across both instances, kept in the database.
      expect(expected.filter((k) => k.includes(' hr-a ')).length).toBeGreaterThan(30);
      expect(await db.memberRateLimit.count({ where: { key: 'wecom:hr-a' } })).toBe(1);
    },
  };
});
