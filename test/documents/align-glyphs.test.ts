// The subset font must draw the same outlines as the full font. fontkit's subsetter writes a
// short loca table that assumes even glyph lengths; Noto Sans SC has odd ones, and without
// alignGlyphs most characters of a declaration came out as wrong or empty shapes.
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { alignGlyphs } from '../../src/documents/align-glyphs.ts';

const fontPath = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const original = readFileSync(fontPath);
const TEXT = '退休返聘人员社会保险情况声明，本人已依法享受基本养老保险待遇（《工伤保险条例》第六十二条）ABC 123';

interface Font {
  glyphForCodePoint(cp: number): { id: number; path: { toSVG(): string } };
  getGlyph(id: number): { path: { toSVG(): string } };
  createSubset(): { includeGlyph(id: number): number; encodeStream(): NodeJS.ReadableStream };
}

async function subsetMismatches(fontBytes: Buffer): Promise<string[]> {
  const font = fontkit.create(fontBytes) as unknown as Font;
  const subset = font.createSubset();
  const chars = [...new Set(TEXT)];
  const ids = chars.map((ch) => subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0) ?? 0).id));
  const parts: Buffer[] = [];
  await new Promise((resolve, reject) => subset.encodeStream().on('data', (b: Uint8Array) => parts.push(Buffer.from(b))).on('end', resolve).on('error', reject));
  const small = fontkit.create(Buffer.concat(parts)) as unknown as Font;
  const outline = (id: number) => {
    try {
      return small.getGlyph(id).path.toSVG();
    } catch {
      return 'unreadable';
    }
  };
  return chars.filter((ch, i) => outline(ids[i] ?? 0) !== font.glyphForCodePoint(ch.codePointAt(0) ?? 0).path.toSVG());
}

describe('alignGlyphs', () => {
  it('makes every subset glyph draw the same outline as in the full font', async () => {
    expect(await subsetMismatches(alignGlyphs(original))).toEqual([]);
  });

  it('is needed: without it the subset draws wrong outlines', async () => {
    expect((await subsetMismatches(original)).length).toBeGreaterThan(5);
  });
});
