// A WeCom API server on loopback: tokens that expire, message/send with task_id uniqueness,
// duplicate check and the silent per-member rate limit, single-use response codes, media,
// OAuth codes, JS-SDK tickets, check-in and directory, each with WeCom's documented limits; and
// appchat/send to the group chats the app created (no duplicate check: each call posts).
import { readMultipartFile, startFakeHttpServer, type FakeAnswer, type FakeHttpServer, type RecordedRequest } from './fake-http-server.ts';
import { createWecomDataRoutes, type WecomFakeDirectory, type WecomFakeCheckin, type WecomFakeLeave } from './fake-wecom-data.ts';

export interface WecomDelivery {
  userId: string;
  msgtype: string;
  message: Record<string, unknown>;
  taskId?: string;
  at: number;
}

export interface FakeWecomServer extends FakeHttpServer {
  corpId: string;
  secret: string;
  agentId: number;
  /** Messages a member actually sees (not the dropped or duplicate ones). */
  delivered: WecomDelivery[];
  deliveredTo(userId: string): WecomDelivery[];
  /** Messages WeCom accepted but silently dropped (over 30/min or 1000/h for that member). */
  dropped: WecomDelivery[];
  cardUpdates: { userIds: string[]; responseCode: string; card: unknown }[];
  /** The fresh response_code WeCom puts in a click's template_card_event (single use, 72 h), for the clicker's update. */
  issueClickCode(): string;
  /** Media uploads as WeCom parsed them (multipart field `media`): file name, type and bytes. */
  uploads: { type: string; size: number; mediaId: string; fileName: string; contentType: string; bytes: Buffer }[];
  expireTokens(): void;
  /** Member ids WeCom does not know: listed in `invaliduser`, and 81013 when nobody is valid. */
  invalidUsers: Set<string>;
  /** Members without an interface licence: listed in `unlicenseduser`, not sent to. */
  unlicensedUsers: Set<string>;
  addOauthCode(code: string, userId: string): void;
  directory: WecomFakeDirectory;
  checkins: WecomFakeCheckin[];
  /** Approved leave requests of the 审批 app. */
  leaves: WecomFakeLeave[];
  /** Group chats the app created (appchat/create); appchat/send to any other chatid fails. */
  appChats: Set<string>;
  /** What each group chat shows, in order. */
  groupMessages: { chatId: string; msgtype: string; message: Record<string, unknown> }[];
}

const ok = (body: Record<string, unknown> = {}): FakeAnswer => ({ body: { errcode: 0, errmsg: 'ok', ...body } });
const err = (errcode: number, errmsg: string): FakeAnswer => ({ body: { errcode, errmsg } });
const TASK_ID = /^[0-9a-zA-Z_\-@]{1,128}$/;

/** `now`: the fake's clock (token expiry, the per-member rate limit), shared with a test's virtual clock. */
export async function startFakeWecomServer(opts: { corpId?: string; secret?: string; agentId?: number; tokenTtlS?: number; now?: () => number } = {}): Promise<FakeWecomServer> {
  const now = opts.now ?? Date.now;
  const corpId = opts.corpId ?? 'wwfakecorp0001';
  const secret = opts.secret ?? 'fake-secret';
  const agentId = opts.agentId ?? 1000002;
  const tokens = new Map<string, number>();
  const invalidUsers = new Set<string>();
  const unlicensedUsers = new Set<string>();
  const taskIds = new Set<string>();
  const responseCodes = new Map<string, { used: boolean; expiresAt: number }>();
  const oauthCodes = new Map<string, string>();
  const delivered: WecomDelivery[] = [];
  const dropped: WecomDelivery[] = [];
  const cardUpdates: FakeWecomServer['cardUpdates'] = [];
  const uploads: FakeWecomServer['uploads'] = [];
  const directory: WecomFakeDirectory = { departments: [{ id: 1, name: '测试公司' }], users: [] };
  const checkins: WecomFakeCheckin[] = [];
  const leaves: WecomFakeLeave[] = [];
  let counter = 0;
  const dataRoutes = createWecomDataRoutes(directory, checkins, leaves);

  const tokenError = (req: RecordedRequest): FakeAnswer | undefined => {
    const t = req.query.access_token;
    if (!t) return err(41001, 'access_token missing');
    const expiresAt = tokens.get(t);
    if (expiresAt === undefined) return err(40014, 'invalid access_token');
    if (expiresAt <= now()) return err(42001, 'access_token expired');
    return undefined;
  };

  const deliver = (userId: string, body: Record<string, unknown>, taskId?: string) => {
    const msgtype = String(body.msgtype);
    const d: WecomDelivery = { userId, msgtype, message: body[msgtype] as Record<string, unknown>, taskId, at: now() };
    const mine = delivered.filter((x) => x.userId === userId);
    const within = (ms: number) => mine.filter((x) => x.at > d.at - ms).length;
    if (body.enable_duplicate_check === 1 && msgtype !== 'template_card') {
      const windowMs = Number(body.duplicate_check_interval ?? 1800) * 1000;
      if (mine.some((x) => x.at > d.at - windowMs && JSON.stringify(x.message) === JSON.stringify(d.message))) return;
    }
    (within(60_000) >= 30 || within(3_600_000) >= 1000 ? dropped : delivered).push(d);
  };

  const send = (req: RecordedRequest): FakeAnswer => {
    const body = req.body as Record<string, unknown>;
    if (body.agentid !== agentId) return err(40056, 'invalid agentid');
    const users = String(body.touser ?? '').split('|').filter(Boolean);
    if (users.length === 0 || users.length > 1000) return err(40031, 'invalid touser');
    const unknown = users.filter((u) => invalidUsers.has(u));
    if (unknown.length === users.length) return err(81013, 'user & party & tag all invalid');
    const msgtype = String(body.msgtype);
    if (msgtype === 'text' || msgtype === 'markdown') {
      const content = String((body[msgtype] as { content?: string }).content ?? '');
      if (Buffer.byteLength(content) > 2048) return err(45002, 'content size out of limit');
    } else if (msgtype === 'file') {
      const mediaId = (body.file as { media_id?: string } | undefined)?.media_id;
      if (!uploads.some((u) => u.mediaId === mediaId)) return err(40007, 'invalid media_id');
    } else if (msgtype !== 'template_card') return err(40008, 'invalid message type');
    let responseCode: string | undefined;
    let taskId: string | undefined;
    if (msgtype === 'template_card') {
      const card = body.template_card as { task_id?: string; card_type?: string };
      taskId = card.task_id;
      if (card.card_type !== 'text_notice' || taskId) {
        if (!taskId || !TASK_ID.test(taskId) || taskIds.has(taskId)) return err(42014, 'invalid task_id');
        taskIds.add(taskId);
      }
      if (card.card_type !== 'text_notice') {
        responseCode = `rc-${++counter}`;
        responseCodes.set(responseCode, { used: false, expiresAt: now() + 72 * 3600_000 });
      }
    }
    const unlicensed = users.filter((u) => unlicensedUsers.has(u) && !invalidUsers.has(u));
    for (const u of users) if (!invalidUsers.has(u) && !unlicensedUsers.has(u)) deliver(u, body, taskId);
    const refused = { invaliduser: unknown.join('|'), ...(unlicensed.length && { unlicenseduser: unlicensed.join('|') }) };
    return ok({ msgid: `msg-${++counter}`, ...refused, ...(responseCode && { response_code: responseCode }) });
  };

  const appChats = new Set<string>();
  const groupMessages: FakeWecomServer['groupMessages'] = [];
  const GROUP_TYPES: Record<string, string[]> = { text: ['content'], markdown: ['content'], textcard: ['title', 'description', 'url'] };
  const appchatSend = (req: RecordedRequest): FakeAnswer => {
    const body = req.body as Record<string, unknown>;
    const chatId = String(body.chatid ?? '');
    if (!appChats.has(chatId)) return err(86003, 'chat not exist: only chats created by this app can be sent to');
    const msgtype = String(body.msgtype);
    const required = GROUP_TYPES[msgtype];
    if (!required) return err(40008, 'invalid message type');
    const message = (body[msgtype] ?? {}) as Record<string, unknown>;
    if (required.some((f) => typeof message[f] !== 'string' || message[f] === '')) return err(41009, `missing ${msgtype} field`);
    if (msgtype === 'textcard' && (Buffer.byteLength(String(message.title)) > 128 || Buffer.byteLength(String(message.description)) > 512)) return err(45002, 'content size out of limit');
    if (msgtype !== 'textcard' && Buffer.byteLength(String(message.content)) > 2048) return err(45002, 'content size out of limit');
    groupMessages.push({ chatId, msgtype, message });
    return ok();
  };

  const updateCard = (req: RecordedRequest): FakeAnswer => {
    const body = req.body as { userids?: string[]; agentid?: number; response_code?: string; template_card?: unknown; button?: unknown };
    if (body.agentid !== agentId) return err(40056, 'invalid agentid');
    const code = responseCodes.get(body.response_code ?? '');
    if (!code || code.used || code.expiresAt < now()) return err(40058, 'invalid response_code: unknown, expired or already used');
    code.used = true;
    cardUpdates.push({ userIds: body.userids ?? [], responseCode: body.response_code as string, card: body.template_card ?? body.button });
    return ok();
  };

  const routes: Record<string, (req: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>> = {
    '/cgi-bin/message/send': send,
    '/cgi-bin/message/update_template_card': updateCard,
    '/cgi-bin/appchat/send': appchatSend,
    '/cgi-bin/media/upload': async (req) => {
      if (req.method !== 'POST') return err(43002, 'require POST method');
      if (!['file', 'image', 'voice', 'video'].includes(req.query.type ?? '')) return err(40004, 'invalid media type');
      const file = await readMultipartFile(req, 'media');
      if (!file) return err(41005, 'media data missing');
      if (file.bytes.length < 5) return err(40005, 'invalid file size');
      const mediaId = `media-${++counter}`;
      uploads.push({ type: req.query.type as string, size: file.bytes.length, mediaId, fileName: file.fileName, contentType: file.type, bytes: file.bytes });
      return ok({ type: req.query.type, media_id: mediaId, created_at: String(Math.floor(now() / 1000)) });
    },
    '/cgi-bin/auth/getuserinfo': (req) => {
      const userId = oauthCodes.get(req.query.code ?? '');
      if (!userId) return err(40029, 'invalid code');
      oauthCodes.delete(req.query.code as string);
      return userId.startsWith('openid:') ? ok({ openid: userId.slice(7) }) : ok({ userid: userId });
    },
    '/cgi-bin/get_jsapi_ticket': () => ok({ ticket: `corp-ticket-${++counter}`, expires_in: 7200 }),
    '/cgi-bin/ticket/get': (req) => (req.query.type === 'agent_config' ? ok({ ticket: `agent-ticket-${++counter}`, expires_in: 7200 }) : err(40058, 'invalid type')),
    ...dataRoutes,
  };

  const server = await startFakeHttpServer(
    (req, fail) => {
      if (req.path === '/cgi-bin/gettoken') {
        if (req.query.corpid !== corpId) return err(40013, 'invalid corpid');
        if (req.query.corpsecret !== secret) return err(40001, 'invalid credential');
        const token = `wecom-token-${++counter}`;
        tokens.set(token, now() + (opts.tokenTtlS ?? 7200) * 1000);
        return ok({ access_token: token, expires_in: opts.tokenTtlS ?? 7200 });
      }
      if (fail === 'expired-token') {
        tokens.clear();
        return err(42001, 'access_token expired');
      }
      const route = routes[req.path];
      return route ? (tokenError(req) ?? route(req)) : { status: 404, body: { errcode: 404, errmsg: 'no such api (fake)' } };
    },
    { tokenPaths: ['/cgi-bin/gettoken'] },
  );

  return Object.assign(server, {
    corpId,
    secret,
    agentId,
    delivered,
    deliveredTo: (userId: string) => delivered.filter((d) => d.userId === userId),
    dropped,
    cardUpdates,
    issueClickCode() {
      const code = `rc-${++counter}`;
      responseCodes.set(code, { used: false, expiresAt: now() + 72 * 3600_000 });
      return code;
    },
    uploads,
    expireTokens: () => tokens.clear(),
    invalidUsers,
    unlicensedUsers,
    addOauthCode: (code: string, userId: string) => void oauthCodes.set(code, userId),
    directory,
    checkins,
    leaves,
    appChats,
    groupMessages,
  });
}
