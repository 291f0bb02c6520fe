// The signing template of a rule acknowledgement, as the H5 links to it (the server's is
// src/documents/rule-acknowledgement-template.ts, which the bundle does not import).
export const RULE_ACKNOWLEDGEMENT_TEMPLATE = 'company-rule-acknowledgement';
