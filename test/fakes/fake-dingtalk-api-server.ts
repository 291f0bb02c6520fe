// DingTalk's two API hosts on one loopback server: accessToken, interactive cards (one card
// per outTrackId), robot batchSend (≤ 20 users), robot groupMessages/send (groups the robot is
// in; no idempotency: each call posts), and the old-host APIs (getuserinfo,
// attendance, directory, in fake-dingtalk-data.ts), with the documented limits.
import { readMultipartFile, startFakeHttpServer, type FakeAnswer, type FakeHttpServer, type RecordedRequest } from './fake-http-server.ts';
import { createDingtalkDataRoutes, type DingtalkFakeData } from './fake-dingtalk-data.ts';

export interface FakeDingtalkCard {
  outTrackId: string;
  userIds: string[];
  params: Record<string, string>;
  createCalls: number;
  updates: Record<string, string>[];
}

export interface FakeDingtalkApiServer extends FakeHttpServer {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  cardTemplateId: string;
  cards: Map<string, FakeDingtalkCard>;
  robotMessages: { userId: string; msgKey: string; msgParam: unknown; processQueryKey: string }[];
  /** Media uploads on the old host (multipart field `media`). */
  uploads: { type: string; mediaId: string; fileName: string; contentType: string; bytes: Buffer }[];
  /** The member opens the robot message sent under this processQueryKey (readStatus then reports it). */
  markRead(processQueryKey: string, userId: string, at?: number): void;
  expireTokens(): void;
  data: DingtalkFakeData;
  /** Members DingTalk does not know: answered in invalidStaffIdList, never delivered. */
  invalidUsers: Set<string>;
  /** Members flow-controlled on their next send (once each): answered in flowControlledStaffIdList, not delivered. */
  flowControlOnce: Set<string>;
  /** openConversationIds of the groups the robot has been added to. */
  robotGroups: Set<string>;
  groupMessages: { openConversationId: string; msgKey: string; msgParam: Record<string, unknown>; processQueryKey: string }[];
}

const bad = (status: number, code: string, message: string): FakeAnswer => ({ status, body: { code, message, requestid: 'fake' } });

export async function startFakeDingtalkApiServer(opts: { tokenTtlS?: number } = {}): Promise<FakeDingtalkApiServer> {
  const clientId = 'dingfakeclient';
  const clientSecret = 'fake-client-secret';
  const robotCode = 'dingfakerobot';
  const cardTemplateId = 'fake-template.schema';
  const tokens = new Map<string, number>();
  const cards = new Map<string, FakeDingtalkCard>();
  const robotMessages: FakeDingtalkApiServer['robotMessages'] = [];
  const uploads: FakeDingtalkApiServer['uploads'] = [];
  const reads = new Map<string, Map<string, number>>();
  const data: DingtalkFakeData = { departments: [{ dept_id: 1, name: '测试公司' }], users: [], attendance: [], authCodes: new Map() };
  const oldRoutes = createDingtalkDataRoutes(data);
  let counter = 0;
  const invalidUsers = new Set<string>();
  const flowControlOnce = new Set<string>();

  const tokenState = (t: string | undefined) => (!t || !tokens.has(t) ? 'invalid' : (tokens.get(t) as number) <= Date.now() ? 'expired' : 'ok');

  const createAndDeliver = (body: Record<string, unknown>): FakeAnswer => {
    if (body.cardTemplateId !== cardTemplateId) return bad(400, 'invalidParameter.cardTemplateId', 'cardTemplateId 不存在');
    if (body.callbackType !== 'STREAM') return bad(400, 'invalidParameter.callbackType', 'callbackType 须为 STREAM');
    const deliverModel = body.imRobotOpenDeliverModel as { spaceType?: string; robotCode?: string } | undefined;
    if (deliverModel?.robotCode !== robotCode || deliverModel.spaceType !== 'IM_ROBOT') return bad(400, 'invalidParameter.robotCode', 'robotCode 错误');
    const match = /^dtv1\.card\/\/(IM_ROBOT\.[^;]+(;IM_ROBOT\.[^;]+)*)$/.exec(String(body.openSpaceId));
    if (!match) return bad(400, 'invalidParameter.openSpaceId', 'openSpaceId 格式错误');
    const params = ((body.cardData as { cardParamMap?: Record<string, unknown> })?.cardParamMap ?? {}) as Record<string, unknown>;
    if (Object.values(params).some((v) => typeof v !== 'string' || Buffer.byteLength(v) > 1024)) return bad(400, 'invalidParameter.cardParamMap', 'cardParamMap 的值须为不超过 1KB 的字符串');
    const outTrackId = String(body.outTrackId);
    const userIds = (match[1] as string).split(';').map((s) => s.slice('IM_ROBOT.'.length));
    const existing = cards.get(outTrackId);
    // The same outTrackId never creates a second card.
    if (existing) existing.createCalls++;
    else cards.set(outTrackId, { outTrackId, userIds, params: params as Record<string, string>, createCalls: 1, updates: [] });
    return { body: { success: true, result: { outTrackId, deliverResults: userIds.map((u) => ({ spaceType: 'IM_ROBOT', spaceId: u, success: true })) } } };
  };

  const robotGroups = new Set<string>();
  const groupMessages: FakeDingtalkApiServer['groupMessages'] = [];
  const GROUP_KEYS: Record<string, string[]> = { sampleText: ['content'], sampleMarkdown: ['title', 'text'], sampleActionCard: ['title', 'text', 'singleTitle', 'singleURL'] };
  const groupSend = (req: RecordedRequest): FakeAnswer => {
    const body = req.body as { robotCode?: string; openConversationId?: string; msgKey?: string; msgParam?: unknown };
    if (body.robotCode !== robotCode) return bad(400, 'invalidParameter.robotCode', 'robotCode 错误');
    if (!robotGroups.has(body.openConversationId ?? '')) return bad(400, 'invalidParameter.openConversationId', '群不存在或机器人不在群中');
    const required = GROUP_KEYS[body.msgKey ?? ''];
    if (!required) return bad(400, 'invalidParameter.msgKey', 'msgKey 无效');
    if (typeof body.msgParam !== 'string') return bad(400, 'invalidParameter.msgParam', 'msgParam 须为 JSON 字符串');
    const msgParam = JSON.parse(body.msgParam) as Record<string, unknown>;
    if (required.some((f) => typeof msgParam[f] !== 'string' || msgParam[f] === '')) return bad(400, 'invalidParameter.msgParam', 'msgParam 缺少字段');
    const processQueryKey = `gq-${++counter}`;
    groupMessages.push({ openConversationId: body.openConversationId as string, msgKey: body.msgKey as string, msgParam, processQueryKey });
    return { body: { processQueryKey } };
  };

  const newRoutes: Record<string, (req: RecordedRequest) => FakeAnswer> = {
    'POST /v1.0/robot/groupMessages/send': groupSend,
    'POST /v1.0/card/instances/createAndDeliver': (req) => createAndDeliver(req.body as Record<string, unknown>),
    'PUT /v1.0/card/instances': (req) => {
      const body = req.body as { outTrackId?: string; cardData?: { cardParamMap?: Record<string, string> }; cardUpdateOptions?: { updateCardDataByKey?: boolean } };
      const card = cards.get(body.outTrackId ?? '');
      if (!card) return bad(400, 'param.outTrackIdNotExist', 'outTrackId 对应的卡片不存在');
      const params = body.cardData?.cardParamMap ?? {};
      card.params = body.cardUpdateOptions?.updateCardDataByKey ? { ...card.params, ...params } : params;
      card.updates.push(params);
      return { body: { success: true, result: true } };
    },
    'POST /v1.0/robot/oToMessages/batchSend': (req) => {
      const body = req.body as { robotCode?: string; userIds?: string[]; msgKey?: string; msgParam?: string };
      if (body.robotCode !== robotCode) return bad(400, 'invalidParameter.robotCode', 'robotCode 错误');
      if (!body.userIds?.length || body.userIds.length > 20) return bad(400, 'invalidParameter.userIds', 'userIds 须为 1–20 个');
      const msgParam = JSON.parse(body.msgParam ?? '{}') as { mediaId?: string };
      if (body.msgKey === 'sampleFile' && !uploads.some((u) => u.mediaId === msgParam.mediaId)) return bad(400, 'invalidParameter.mediaId', 'mediaId 无效');
      const processQueryKey = `pq-${++counter}`;
      const invalid = body.userIds.filter((u) => invalidUsers.has(u));
      const flowControlled = body.userIds.filter((u) => flowControlOnce.delete(u));
      for (const u of body.userIds) {
        if (!invalid.includes(u) && !flowControlled.includes(u)) robotMessages.push({ userId: u, msgKey: String(body.msgKey), msgParam, processQueryKey });
      }
      return { body: { processQueryKey, invalidStaffIdList: invalid, flowControlledStaffIdList: flowControlled } };
    },
    'GET /v1.0/robot/oToMessages/readStatus': (req) => {
      if (req.query.robotCode !== robotCode) return bad(400, 'invalidParameter.robotCode', 'robotCode 错误');
      const sent = robotMessages.filter((m) => m.processQueryKey === req.query.processQueryKey);
      if (sent.length === 0) return bad(400, 'invalidParameter.processQueryKey', 'processQueryKey 无效');
      const read = reads.get(req.query.processQueryKey as string) ?? new Map<string, number>();
      const messageReadInfoList = sent.map((m) => ({ name: m.userId, userId: m.userId, readStatus: read.has(m.userId) ? 'READ' : 'UNREAD', ...(read.has(m.userId) && { readTimestamp: read.get(m.userId) }) }));
      return { body: { sendStatus: 'SUCCESS', messageReadInfoList } };
    },
  };

  const uploadMedia = async (req: RecordedRequest): Promise<FakeAnswer> => {
    const state = tokenState(req.query.access_token);
    if (state !== 'ok') return { body: { errcode: 40014, errmsg: '不合法的access_token' } };
    if (!['image', 'voice', 'video', 'file'].includes(req.query.type ?? '')) return { body: { errcode: 40004, errmsg: '不合法的媒体文件类型' } };
    const file = await readMultipartFile(req, 'media');
    if (!file || file.bytes.length === 0) return { body: { errcode: 41005, errmsg: '缺少多媒体文件数据' } };
    const mediaId = `@ding-media-${++counter}`;
    uploads.push({ type: req.query.type as string, mediaId, fileName: file.fileName, contentType: file.type, bytes: file.bytes });
    return { body: { errcode: 0, errmsg: 'ok', type: req.query.type, media_id: mediaId, created_at: Date.now() } };
  };

  const server = await startFakeHttpServer(
    (req, fail) => {
      if (req.path === '/v1.0/oauth2/accessToken') {
        const body = req.body as { appKey?: string; appSecret?: string };
        if (body.appKey !== clientId || body.appSecret !== clientSecret) return bad(400, 'invalidClientIdOrSecret', '无效的 clientId 或 clientSecret');
        const token = `ding-token-${++counter}`;
        tokens.set(token, Date.now() + (opts.tokenTtlS ?? 7200) * 1000);
        return { body: { accessToken: token, expireIn: opts.tokenTtlS ?? 7200 } };
      }
      if (fail === 'expired-token') tokens.clear();
      if (req.path.startsWith('/v1.0/')) {
        const route = newRoutes[`${req.method} ${req.path}`];
        if (!route) return bad(404, 'NotFound', 'no such api (fake)');
        const header = req.headers['x-acs-dingtalk-access-token'];
        return tokenState(typeof header === 'string' ? header : undefined) === 'ok' ? route(req) : bad(401, 'InvalidAuthentication', '不合法的access_token');
      }
      if (req.path === '/media/upload') return uploadMedia(req);
      const route = oldRoutes[req.path];
      if (!route) return { status: 404, body: { errcode: 404, errmsg: 'no such api (fake)' } };
      const state = tokenState(req.query.access_token);
      if (state !== 'ok') return { body: state === 'expired' ? { errcode: 42001, errmsg: 'access_token超时' } : { errcode: 40014, errmsg: '不合法的access_token' } };
      return route(req);
    },
    { tokenPaths: ['/v1.0/oauth2/accessToken'] },
  );

  const markRead = (key: string, userId: string, at = Date.now()) => void reads.set(key, (reads.get(key) ?? new Map<string, number>()).set(userId, at));
  return Object.assign(server, { clientId, clientSecret, robotCode, cardTemplateId, cards, robotMessages, uploads, markRead, expireTokens: () => tokens.clear(), data, invalidUsers, flowControlOnce, robotGroups, groupMessages });
}
