import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../../src/documents/render-pdf.ts';
import { wrapText } from '../../src/documents/pdf-text.ts';
import { signedPng } from '../helpers/make-png.ts';

const signedAt = new Date('2026-03-15T02:30:00Z');
const content = {
  title: '退休返聘人员社会保险情况声明',
  facts: [{ label: '姓名', value: '陈一鸣' }, { label: '工号', value: 'B001' }],
  paragraphs: ['本人已依法享受基本养老保险待遇（已办理退休并按月领取基本养老金），现与公司建立劳务关系。', '工伤保险由公司依法缴纳（《工伤保险条例》第二条、第六十二条）。'],
  footer: '社会保险例外情形声明',
  signature: { png: signedPng(), typedName: '陈一鸣', signedAt, ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) wxwork/4.1', platform: 'wecom' as const },
};

describe('renderDocumentPdf', () => {
  it('produces a small one-page A4 PDF with a subset CJK font, the signature image and fixed dates', async () => {
    const pdf = await renderDocumentPdf(content);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300 * 1024);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe(content.title);
    expect(doc.getCreationDate()?.toISOString()).toBe(signedAt.toISOString());
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/SNTNLA\+NotoSansSC-Regular/);
    expect(text).toContain('/FontFile2');
    expect(text).toContain(`/${PDFName.of('Image').asString().slice(1)}`);
  });

  it('is byte-for-byte deterministic for the same input', async () => {
    const [a, b] = await Promise.all([renderDocumentPdf(content), renderDocumentPdf(content)]);
    expect(a.equals(b)).toBe(true);
    const other = await renderDocumentPdf({ ...content, signature: { ...content.signature, typedName: '陈一明' } });
    expect(other.equals(a)).toBe(false);
  });

  it('breaks long text onto further pages and numbers them', async () => {
    const pdf = await renderDocumentPdf({ title: '长文', facts: [], paragraphs: Array.from({ length: 60 }, (_, i) => `第${i + 1}段：${'劳动者与用人单位约定或者承诺不缴纳社会保险费的，该约定或承诺无效。'.repeat(2)}`) });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(1);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => [...s].length * 10;

  it('breaks Chinese anywhere but never starts a line with closing punctuation', () => {
    expect(wrapText('一二三四五，六七', 50, measure)).toEqual(['一二三四五，', '六七']);
  });

  it('keeps Latin words whole and cuts only a token wider than the line', () => {
    expect(wrapText('ab cdef gh', 60, measure)).toEqual(['ab', 'cdef', 'gh']);
    expect(wrapText('IP 203.0.113.7 ok', 100, measure)).toEqual(['IP', '203.0.113.', '7 ok']);
  });
});
