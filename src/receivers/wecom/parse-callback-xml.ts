// XML of WeCom callbacks (the outer envelope and the decrypted message). Entity expansion is
// off and any DTD markup is refused before parsing (no XXE, no entity bombs); values stay
// strings because MsgId can exceed Number.MAX_SAFE_INTEGER.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CallbackCryptoError } from './callback-crypto-error.ts';

/** The children of <xml>: strings, or nested objects/arrays (e.g. SelectedItems). */
export type XmlFields = Record<string, unknown>;

const DTD_MARKUP = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** @param what names the document in errors, e.g. 'request body' or 'decrypted message'. */
export function parseCallbackXml(xml: string, what: string): XmlFields {
  if (DTD_MARKUP.test(xml)) {
    throw new CallbackCryptoError('ParseXml', `${what} carries a DOCTYPE/ENTITY declaration, which the platform never sends: refused (XXE attempt?)`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new CallbackCryptoError('ParseXml', `${what} is not well-formed XML (${valid.err.msg} at line ${valid.err.line}): is the callback URL used by another sender?`);
  }
  const doc: unknown = parser.parse(xml);
  const root = doc && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  const fields = root.xml;
  if (Object.keys(root).length !== 1 || !fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new CallbackCryptoError('ParseXml', `${what} must have exactly one <xml> root element`);
  }
  return fields as XmlFields;
}

/** A child's text, or undefined when it is absent, repeated or nested. */
export function xmlText(fields: XmlFields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}
