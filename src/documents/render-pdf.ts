// Renders a document (declaration, notice, letter) as an A4 PDF with an embedded CJK font.
// The font is embedded as a subset (only the glyphs used), so a one-page document stays small,
// and the bytes are reproducible: same content and dates in, same bytes (and SHA-256) out.
import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDateTime } from '../domain/dates.ts';
import { alignGlyphs } from './align-glyphs.ts';
import type { Platform } from '../generated/prisma/enums.ts';
import { printable, wrapText } from './pdf-text.ts';

export interface DocumentFact {
  label: string;
  value: string;
}

export interface DocumentSignature {
  png: Buffer;
  typedName: string;
  signedAt: Date;
  ip?: string | null;
  userAgent?: string | null;
  platform: Platform;
  /** Defaults to Asia/Shanghai. */
  timeZone?: string;
}

/** A table drawn after the facts: fixed column widths (points), one line per cell. */
export interface DocumentTable {
  columns: { label: string; width: number; align?: 'left' | 'right' }[];
  rows: string[][];
}

export interface DocumentContent {
  title: string;
  paragraphs: string[];
  facts: DocumentFact[];
  table?: DocumentTable;
  signature?: DocumentSignature;
  footer?: string;
  /** The document's date (PDF CreationDate) when unsigned; a signed document uses signedAt. */
  issuedAt?: Date;
}

export const platformLabels: Record<Platform, string> = { wecom: '企业微信', dingtalk: '钉钉', sandbox: '沙箱（演示）' };

const FONT_PATH = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
let fontBytes: Promise<Buffer> | undefined;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.12, 0.14, 0.16);
const MUTED = rgb(0.45, 0.47, 0.5);

/** Writes lines top to bottom, starting a new page when the next line would not fit. */
class Writer {
  private page: PDFPage;
  private y = A4.height - MARGIN;
  readonly pages: PDFPage[] = [];
  private readonly doc: PDFDocument;
  readonly font: PDFFont;
  constructor(doc: PDFDocument, font: PDFFont) {
    this.doc = doc;
    this.font = font;
    this.page = this.addPage();
  }
  private addPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(page);
    this.y = A4.height - MARGIN;
    return page;
  }
  ensure(height: number): PDFPage {
    if (this.y - height < MARGIN + 20) this.page = this.addPage();
    return this.page;
  }
  text(text: string, opts: { size?: number; color?: typeof INK; indent?: number; gap?: number; center?: boolean } = {}): void {
    const size = opts.size ?? 11;
    const indent = opts.indent ?? 0;
    const lineHeight = size * 1.6;
    for (const line of wrapText(text, WIDTH - indent, (s) => this.font.widthOfTextAtSize(s, size))) {
      const page = this.ensure(lineHeight);
      const x = opts.center ? (A4.width - this.font.widthOfTextAtSize(line, size)) / 2 : MARGIN + indent;
      page.drawText(line, { x, y: this.y - size, size, font: this.font, color: opts.color ?? INK });
      this.y -= lineHeight;
    }
    this.y -= opts.gap ?? 4;
  }
  image(draw: (page: PDFPage, top: number) => number, height: number): void {
    const page = this.ensure(height);
    this.y -= draw(page, this.y);
  }
  /** One table row; a page break repeats nothing, so callers keep rows self-explanatory. */
  cells(cells: { text: string; width: number; align?: 'left' | 'right' }[], size: number, color = INK): void {
    const lineHeight = size * 1.7;
    const page = this.ensure(lineHeight);
    let x = MARGIN;
    for (const c of cells) {
      const text = printable(c.text);
      const dx = c.align === 'right' ? c.width - 4 - this.font.widthOfTextAtSize(text, size) : 0;
      page.drawText(text, { x: x + dx, y: this.y - size, size, font: this.font, color });
      x += c.width;
    }
    this.y -= lineHeight;
  }
  rule(): void {
    const page = this.ensure(12);
    page.drawLine({ start: { x: MARGIN, y: this.y - 4 }, end: { x: A4.width - MARGIN, y: this.y - 4 }, thickness: 0.5, color: MUTED });
    this.y -= 14;
  }
}

/**
 * @example
 *   const pdf = await renderDocumentPdf({ title: '声明', paragraphs: ['本人……'], facts: [{ label: '姓名', value: '张三' }] });
 */
export async function renderDocumentPdf(content: DocumentContent): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await (fontBytes ??= readFile(FONT_PATH).then(alignGlyphs)), { subset: true, customName: 'SNTNLA+NotoSansSC-Regular' });
  const date = content.signature?.signedAt ?? content.issuedAt ?? new Date(0);
  doc.setTitle(printable(content.title));
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setProducer('shebao-sentinel (pdf-lib)');
  doc.setCreator('社保哨兵');
  doc.setLanguage('zh-CN');

  const w = new Writer(doc, font);
  w.text(content.title, { size: 18, center: true, gap: 12 });
  for (const fact of content.facts) w.text(`${fact.label}：${fact.value}`, { size: 10.5, gap: 1 });
  if (content.facts.length > 0) w.rule();
  if (content.table) drawTable(w, content.table);
  for (const paragraph of content.paragraphs) w.text(paragraph, { gap: 8 });
  if (content.signature) await drawSignature(doc, w, content.signature);

  const footer = content.footer ? `${content.footer}\u3000` : '';
  w.pages.forEach((page, i) => {
    const text = printable(`${footer}第 ${i + 1} 页 / 共 ${w.pages.length} 页`);
    const size = 8;
    page.drawText(text, { x: (A4.width - font.widthOfTextAtSize(text, size)) / 2, y: MARGIN / 2, size, font, color: MUTED });
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function drawTable(w: Writer, t: DocumentTable): void {
  w.cells(t.columns.map((c) => ({ text: c.label, width: c.width, align: c.align })), 8.5, MUTED);
  for (const row of t.rows) w.cells(t.columns.map((c, i) => ({ text: row[i] ?? '', width: c.width, align: c.align })), 8.5);
  w.rule();
}

async function drawSignature(doc: PDFDocument, w: Writer, s: DocumentSignature): Promise<void> {
  w.rule();
  w.text('签署信息', { size: 13, gap: 6 });
  const image = await doc.embedPng(s.png);
  const scale = Math.min(200 / image.width, 80 / image.height, 1);
  const height = image.height * scale;
  w.text('手写签名：', { size: 10.5, gap: 2 });
  w.image((page, top) => {
    page.drawImage(image, { x: 80, y: top - height, width: image.width * scale, height });
    return height + 8;
  }, height + 8);
  const rows: [string, string][] = [
    ['签署人（本人输入）', s.typedName],
    ['签署时间', `${formatDateTime(s.timeZone ?? 'Asia/Shanghai', s.signedAt)}（${s.timeZone ?? 'Asia/Shanghai'}）`],
    ['签署平台', platformLabels[s.platform]],
    ['IP 地址', s.ip ?? '未记录'],
    ['设备（User-Agent）', s.userAgent ?? '未记录'],
  ];
  for (const [label, value] of rows) w.text(`${label}：${value}`, { size: 10, gap: 1 });
  w.text('本文件由签署人在平台登录身份下以手写签名方式电子签署，签署后文件的 SHA-256 摘要记入防篡改证据链；签署后对文件的任何改动均可被发现（《电子签名法》第十三条）。', { size: 9, color: MUTED, gap: 0 });
}
