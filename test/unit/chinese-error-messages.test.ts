// Every error message a person can read is plain Chinese: the zod messages of the routes, the
// AppError messages of the services and the domain, and the field rules (.min/.max/.regex) carry
// no English words, enum codes or field names. Read from the source, so a new message is checked
// the day it is written. File formats people know by name (PDF, Excel, …) are allowed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src/', import.meta.url));
// The evidence tools speak to auditors in both languages and name the pack's files; the sandbox
// is the developer's chat double.
const skipped = ['services/evidence/', 'services/sandbox/', 'http/routes/sandbox-routes.ts'];
const ALLOWED = new Set(['PDF', 'JPG', 'JPEG', 'PNG', 'Excel', 'CSV', 'UTF', 'GBK', 'xlsx', 'xls', 'csv', 'zip', 'GPS', 'MB', 'GB', 'ID']);
const RULE_METHODS = new Set(['min', 'max', 'regex', 'length', 'refine', 'enum', 'uuid', 'string', 'number', 'boolean', 'int']);
const CJK = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** The literal text of a string or template (interpolations left out). */
function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('…');
  return undefined;
}

/** Whether the literal is an error message: an AppError's, a `message`/`error` option, or a zod rule's. */
function isMessage(n: ts.Node): boolean {
  const p = n.parent;
  if (ts.isPropertyAssignment(p)) return ['message', 'error', 'notMultipart', 'wrongFiles'].includes(p.name.getText());
  if (ts.isNewExpression(p)) return p.expression.getText() === 'AppError' && p.arguments?.[1] === n;
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression)) return RULE_METHODS.has(p.expression.name.text) && p.arguments.includes(n as ts.Expression);
  return false;
}

function englishInMessages(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    const text = literalText(n);
    if (text !== undefined) {
      const words = (text.match(/[A-Za-z][A-Za-z_]+/g) ?? []).filter((w) => !ALLOWED.has(w));
      if (CJK.test(text) && isMessage(n) && words.length > 0) found.push(`${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${words.join(',')}: ${text}`);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('error messages people read', () => {
  const files = ['http', 'services', 'domain'].flatMap((d) => sourceFiles(join(root, d))).filter((f) => !skipped.some((s) => f.slice(root.length).startsWith(s)));

  it('contain no English words, codes or field names', () => {
    expect(files.flatMap(englishInMessages)).toEqual([]);
  });

  it('would catch codes in an enum message, a field name in an AppError and a format in a rule', () => {
    expect(files.length).toBeGreaterThan(100);
    const probe = join(root, '../test/fixtures/english-error-message.ts.txt');
    expect(englishInMessages(probe).map((m) => m.split(' ')[1])).toEqual(['sms,ems,other:', 'employeeId:', 'YYYY,MM:']);
  });
});
