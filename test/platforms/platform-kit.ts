// Clients wired to the loopback fakes, with short waits so failure paths run fast.
import type { CardDecision, CardModel } from '../../cards/card-model.ts';
import { createDingtalkClient, type DingtalkClientOptions } from '../../src/platforms/dingtalk/dingtalk-client.ts';
import { createWecomClient, type WecomClientOptions } from '../../src/platforms/wecom/wecom-client.ts';
import type { FakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import type { FakeWecomServer } from '../fakes/fake-wecom-server.ts';
import type { TestDb } from '../helpers/test-db.ts';

export function wecomClientFor(fake: FakeWecomServer, t: TestDb, extra: Partial<WecomClientOptions> = {}) {
  return createWecomClient({
    config: { corpId: fake.corpId, agentId: fake.agentId, secret: fake.secret },
    apiBase: fake.url,
    db: t.db,
    busyBackoffMs: [20, 40],
    timeoutMs: 1500,
    ...extra,
  });
}

export function dingtalkClientFor(fake: FakeDingtalkApiServer, t: TestDb, extra: Partial<DingtalkClientOptions> = {}) {
  return createDingtalkClient({
    config: { clientId: fake.clientId, clientSecret: fake.clientSecret, robotCode: fake.robotCode, cardTemplateId: fake.cardTemplateId },
    apiBase: fake.url,
    oapiBase: fake.url,
    db: t.db,
    timeoutMs: 1500,
    ...extra,
  });
}

/** The env a configured WeCom (or DingTalk) deployment would have, pointing at the fakes. */
export function wecomEnv(fake: FakeWecomServer): Record<string, string> {
  return {
    WECOM_CORP_ID: fake.corpId,
    WECOM_AGENT_ID: String(fake.agentId),
    WECOM_SECRET: fake.secret,
    WECOM_TOKEN: 'QDG6eK',
    WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    WECOM_API_BASE: fake.url,
  };
}

export function testCard(key: string, decided?: CardDecision): CardModel {
  return {
    type: 'test.card',
    key,
    title: '新员工到岗确认',
    subtitle: '请确认张三是否已到岗',
    rows: [{ label: '员工', value: '张三' }, { label: '部门', value: '研发部' }],
    legalBasis: '依据《社会保险法》第五十八条',
    buttons: [{ kind: 'action', actionId: 'test.confirm', text: '已到岗', style: 'primary' }],
    url: 'https://hr.example.com/app/me',
    decided,
  };
}
