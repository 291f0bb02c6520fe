// One entry point for the three back-pay templates, chosen by kind.
import type { DocumentContent } from '../render-pdf.ts';
import { backPayDeclarationContent } from './back-pay-declaration.ts';
import type { BackPayDocumentFacts, BackPayDocumentKind } from './back-pay-document-kinds.ts';
import { backPayLetterContent } from './back-pay-letter.ts';
import { crossYearNoteContent } from './cross-year-note.ts';

const templates: Record<BackPayDocumentKind, (f: BackPayDocumentFacts) => Omit<DocumentContent, 'issuedAt'>> = {
  declaration: backPayDeclarationContent,
  letter: backPayLetterContent,
  'cross-year': crossYearNoteContent,
};

/** @example renderDocumentPdf({ ...backPayDocumentContent('letter', facts), issuedAt: now }) */
export const backPayDocumentContent = (kind: BackPayDocumentKind, f: BackPayDocumentFacts) => templates[kind](f);
