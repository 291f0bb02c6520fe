// The DingTalk Stream receiver against a loopback gateway speaking the Stream protocol, with a
// real router over a real database: acks, dedupe, persistence before the EVENT ack, pings,
// reconnects and bad credentials.
import { DWClient, TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBotRouter, type BotRouter } from '../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import type { Listener } from '../../src/bot/listener.ts';
import { parseEnv } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startDingtalkStreamReceiver, type DingtalkStreamReceiver } from '../../src/receivers/dingtalk-stream/receiver.ts';
import { startFakeDingtalkStreamGateway, type FakeDingtalkStreamGateway } from '../fakes/fake-dingtalk-stream-gateway.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const log = createLogger('silent');
const credentials = { clientId: 'ding-app-key', clientSecret: 'ding-app-secret' };
const fast = { backoff: { baseMs: 20, capMs: 200 }, heartbeatMs: 150 };
const waitLong = { timeout: 5_000, interval: 20 };

function recordingListeners() {
  const seen: InboundEvent[] = [];
  const listeners: Listener[] = ['card.action', 'message.text', 'event.attendance_check_record'].map((route) => ({
    route,
    handle: async ({ event }) => void seen.push(event),
  }));
  return { seen, listeners };
}

function envFor(gateway: FakeDingtalkStreamGateway, secret = credentials.clientSecret) {
  return parseEnv({ DINGTALK_CLIENT_ID: credentials.clientId, DINGTALK_CLIENT_SECRET: secret, DINGTALK_STREAM_GATEWAY: gateway.gatewayUrl });
}

function cardClick(outTrackId: string, userId: string, actionId: string) {
  return { type: 'actionCallback', outTrackId, userId, corpId: 'ding-corp', content: JSON.stringify({ cardPrivateData: { actionIds: [actionId], params: {} } }) };
}

describe('DingTalk Stream receiver', () => {
  let gateway: FakeDingtalkStreamGateway;
  let receiver: DingtalkStreamReceiver;
  const { seen, listeners } = recordingListeners();
  const acceptedAt = new Map<string, number>();

  beforeAll(async () => {
    gateway = await startFakeDingtalkStreamGateway(credentials);
    const real = createBotRouter(t.deps, listeners, log);
    // Notes when each delivery became durable, to compare with the moment its ack arrived.
    const router: BotRouter = {
      accept: async (event) => {
        const accepted = await real.accept(event);
        acceptedAt.set(event.deliveryId, performance.now());
        return accepted;
      },
      handle: (event) => real.handle(event),
      drain: () => real.drain(),
    };
    receiver = startDingtalkStreamReceiver({ config: envFor(gateway), router, log, ...fast });
    await vi.waitFor(() => expect(receiver.state().state).toBe('connected'), waitLong);
  });

  afterAll(async () => {
    await receiver?.stop();
    await gateway?.close();
  });

  it('opens the connection through DINGTALK_STREAM_GATEWAY with its own three subscriptions', () => {
    expect(gateway.openRequests).toHaveLength(1);
    expect(gateway.openRequests[0]?.subscriptions).toEqual([
      { type: 'EVENT', topic: '*' },
      { type: 'CALLBACK', topic: TOPIC_CARD },
      { type: 'CALLBACK', topic: TOPIC_ROBOT },
    ]);
    // The SDK's shared default list stays untouched for any other client in the process.
    expect(new DWClient({ clientId: 'other', clientSecret: 'other' }).config.subscriptions).toEqual([{ type: 'EVENT', topic: '*' }]);
  });

  it('acks a card click with the same messageId within 2 s and hands card.action to the listener', async () => {
    const pushed = gateway.pushCallback(TOPIC_CARD, cardClick('approval-42', 'ding-user-7', 'approval.approve'));
    const ack = await gateway.waitForAck(pushed.messageId);
    expect(ack.at - pushed.sentAt).toBeLessThan(2_000);
    expect(ack).toMatchObject({ code: 200, headers: { messageId: pushed.messageId }, data: { response: {} } });
    await vi.waitFor(() => expect(seen.filter((e) => e.deliveryId === pushed.messageId)).toHaveLength(1), waitLong);
    expect(seen.find((e) => e.deliveryId === pushed.messageId)).toMatchObject({
      kind: 'card.action',
      platform: 'dingtalk',
      cardKey: 'approval-42',
      actionId: 'approval.approve',
      operatorUserId: 'ding-user-7',
    });
  });

  it('acks a redelivered card click again but runs the listener once', async () => {
    const first = gateway.pushCallback(TOPIC_CARD, cardClick('approval-43', 'ding-user-7', 'approval.reject'));
    await gateway.waitForAck(first.messageId);
    gateway.pushCallback(TOPIC_CARD, cardClick('approval-43', 'ding-user-7', 'approval.reject'), first.messageId);
    await gateway.waitForAck(first.messageId, 2);
    await vi.waitFor(async () => {
      const row = await t.db.inboundDelivery.findUniqueOrThrow({ where: { platform_deliveryId: { platform: 'dingtalk', deliveryId: first.messageId } } });
      expect(row.handledAt).not.toBeNull();
    }, waitLong);
    expect(seen.filter((e) => e.deliveryId === first.messageId)).toHaveLength(1);
  });

  it('turns a robot text message into message.text from the sender staff id', async () => {
    const pushed = gateway.pushCallback(TOPIC_ROBOT, { msgId: 'msg-1', msgtype: 'text', text: { content: '  我的社保  ' }, senderStaffId: 'ding-user-9', conversationType: '1' });
    await gateway.waitForAck(pushed.messageId);
    await vi.waitFor(() => expect(seen.find((e) => e.deliveryId === 'msg-1')).toMatchObject({ kind: 'message.text', text: '我的社保', operatorUserId: 'ding-user-9' }), waitLong);
  });

  it('persists an EVENT before the gateway sees its SUCCESS ack', async () => {
    const pushed = gateway.pushEvent('attendance_check_record', { dataList: [{ userId: 'ding-user-7', checkTime: 1_700_000_000_000 }] }, { eventId: 'evt-1' });
    const ack = await gateway.waitForAck(pushed.messageId);
    expect(ack.data).toEqual({ status: 'SUCCESS' });
    expect(acceptedAt.get('evt-1')).toBeLessThanOrEqual(ack.at);
    expect(await t.db.inboundDelivery.count({ where: { platform: 'dingtalk', deliveryId: 'evt-1', route: 'event.attendance_check_record' } })).toBe(1);
  });

  it('acks malformed card data without recording it or calling a listener', async () => {
    const before = seen.length;
    const pushed = gateway.pushCallback(TOPIC_CARD, { type: 'actionCallback', outTrackId: 'approval-44', userId: 'ding-user-7', content: 'not json' });
    expect((await gateway.waitForAck(pushed.messageId)).data).toEqual({ response: {} });
    expect(await t.db.inboundDelivery.count({ where: { deliveryId: pushed.messageId } })).toBe(0);
    // By id, not by count: a listener of an earlier test may still be finishing out of band.
    expect(seen.slice(before).filter((e) => e.deliveryId === pushed.messageId)).toEqual([]);
  });

  it('survives a frame that is not JSON and still answers pings with the same messageId and data', async () => {
    gateway.sendRaw('{not a frame');
    const ping = gateway.ping();
    const ack = await gateway.waitForAck(ping.messageId);
    expect(ack.code).toBe(200);
    expect(ack.headers).toMatchObject({ topic: 'ping', messageId: ping.messageId });
    expect(receiver.state().state).toBe('connected');
  });

  it('reconnects with a new ticket after the gateway drops the socket', async () => {
    gateway.dropConnection();
    await gateway.waitForConnections(2);
    await vi.waitFor(() => expect(receiver.state()).toMatchObject({ state: 'connected', connections: 2 }), waitLong);
    expect(gateway.openRequests).toHaveLength(2);
    const pushed = gateway.pushCallback(TOPIC_CARD, cardClick('approval-45', 'ding-user-7', 'approval.approve'));
    await gateway.waitForAck(pushed.messageId);
  });

  it('replaces a socket whose peer stops answering heartbeats', async () => {
    gateway.answerPings(false);
    await vi.waitFor(() => expect(receiver.state().state).not.toBe('connected'), waitLong);
    gateway.answerPings(true);
    await vi.waitFor(() => expect(receiver.state()).toMatchObject({ state: 'connected', connections: 3 }), waitLong);
  });

  it('stops: the socket is closed and the state says so', async () => {
    await receiver.stop();
    expect(receiver.state().state).toBe('stopped');
    await vi.waitFor(() => expect(gateway.openSockets()).toBe(0), waitLong);
  });
});

describe('DingTalk Stream receiver, failures', () => {
  let gateway: FakeDingtalkStreamGateway;
  beforeAll(async () => {
    gateway = await startFakeDingtalkStreamGateway(credentials);
  });
  afterAll(() => gateway?.close());

  it('reports a wrong client secret in its state and keeps retrying without crashing', async () => {
    const receiver = startDingtalkStreamReceiver({ config: envFor(gateway, 'wrong-secret'), router: createBotRouter(t.deps, [], log), log, ...fast });
    try {
      await vi.waitFor(() => expect(receiver.state().lastError).toMatch(/HTTP 401.*DINGTALK_CLIENT_SECRET/), waitLong);
      expect(receiver.state()).toMatchObject({ state: 'reconnecting', connections: 0 });
      expect(gateway.connectionCount()).toBe(0);
    } finally {
      await receiver.stop();
    }
    expect(receiver.state().state).toBe('stopped');
  });

  it('acks an EVENT with LATER when it cannot be persisted, so DingTalk redelivers it', async () => {
    const failing: BotRouter = { accept: () => Promise.reject(new Error('database down')), handle: async () => undefined, drain: async () => undefined };
    const receiver = startDingtalkStreamReceiver({ config: envFor(gateway), router: failing, log, ...fast });
    try {
      await vi.waitFor(() => expect(receiver.state().state).toBe('connected'), waitLong);
      const pushed = gateway.pushEvent('attendance_check_record', { dataList: [] });
      expect((await gateway.waitForAck(pushed.messageId)).data).toEqual({ status: 'LATER' });
      // A card click that cannot be recorded is left unacked: the platform redelivers it.
      const click = gateway.pushCallback(TOPIC_CARD, cardClick('approval-46', 'ding-user-7', 'approval.approve'));
      await expect(gateway.waitForAck(click.messageId, 1, 300)).rejects.toThrow(/timed out/);
    } finally {
      await receiver.stop();
    }
  });
});
