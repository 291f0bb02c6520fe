import { describe, expect, it } from 'vitest';
import { CallbackCryptoError } from '../../src/receivers/wecom/callback-crypto-error.ts';
import { parseCallbackXml, xmlText } from '../../src/receivers/wecom/parse-callback-xml.ts';
import { cardClickXml } from './helpers/signed-callbacks.ts';

const XXE = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Encrypt>&xxe;</Encrypt></xml>`;
const BOMB = `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><C>&b;</C></xml>`;

function reason(xml: string): string {
  try {
    parseCallbackXml(xml, 'request body');
  } catch (error) {
    expect(error).toBeInstanceOf(CallbackCryptoError);
    expect((error as CallbackCryptoError).code).toBe(-40002);
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

describe('parseCallbackXml', () => {
  it('reads CDATA and keeps a MsgId beyond 2^53 as the exact string', () => {
    const fields = parseCallbackXml('<?xml version="1.0"?><xml><A><![CDATA[a & <b>]]></A><MsgId>4561255354251345929123</MsgId><N>007</N></xml>', 'x');
    expect(fields).toEqual({ A: 'a & <b>', MsgId: '4561255354251345929123', N: '007' });
  });

  it('keeps nested elements as objects and reads a card click', () => {
    const fields = parseCallbackXml(cardClickXml({ from: 'zhangsan', createTime: 1, taskId: 't1', eventKey: 'approve' }), 'x');
    expect(xmlText(fields, 'TaskId')).toBe('t1');
    expect(fields.SelectedItems).toEqual({ SelectedItem: { QuestionKey: 'q1' } });
    expect(xmlText(fields, 'SelectedItems')).toBeUndefined();
  });

  it('refuses DOCTYPE and ENTITY declarations before parsing (XXE, entity bombs)', () => {
    expect(reason(XXE)).toMatch(/DOCTYPE\/ENTITY declaration.*refused/);
    expect(reason(BOMB)).toMatch(/refused/);
    expect(reason('<xml><!entity x "y"><A>1</A></xml>')).toMatch(/refused/);
  });

  it('leaves entity references unexpanded', () => {
    expect(parseCallbackXml('<xml><A>&amp;x</A></xml>', 'x')).toEqual({ A: '&amp;x' });
  });

  it.each([
    ['an unclosed tag', '<xml><A>1</A'],
    ['mismatched tags', '<xml><A>1</B></xml>'],
    ['plain text', 'hello'],
    ['an empty body', ''],
    ['JSON', '{"encrypt":"x"}'],
  ])('refuses %s as not well-formed', (_name, xml) => {
    expect(reason(xml)).toMatch(/^request body is not well-formed XML/);
  });

  it('refuses a document whose root is not a single <xml>', () => {
    expect(reason('<xml><A>1</A></xml><y/>')).toMatch(/exactly one <xml> root/);
    expect(reason('<root><A>1</A></root>')).toMatch(/exactly one <xml> root/);
  });
});
