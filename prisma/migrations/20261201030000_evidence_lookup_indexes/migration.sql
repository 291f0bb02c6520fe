-- Evidence pack and document verification look documents up by index and by SHA-256:
-- planPackPayloads (Signature / Proof by evidenceIndex, signatureSha256, documentSha256,
-- fileSha256) and verifyDocument (EvidenceEntry by payloadHash). Without these indexes each
-- lookup scanned the whole table, so one employee's pack slowed down as the company's ledger grew.
-- StoredFile is looked up by sha256, its primary key, and needs nothing.

-- CreateIndex
CREATE INDEX "EvidenceEntry_payloadHash_idx" ON "EvidenceEntry"("payloadHash");
CREATE INDEX "Proof_evidenceIndex_idx" ON "Proof"("evidenceIndex");
CREATE INDEX "Proof_fileSha256_idx" ON "Proof"("fileSha256");
CREATE INDEX "Signature_evidenceIndex_idx" ON "Signature"("evidenceIndex");
CREATE INDEX "Signature_signatureSha256_idx" ON "Signature"("signatureSha256");
CREATE INDEX "Signature_documentSha256_idx" ON "Signature"("documentSha256");

-- The pack timeline's audit events that name a signature or proof id (loadPackTimeline) are found
-- by containment, data @> '{"signatureId": …}', which this index serves instead of a scan of the
-- whole audit log. jsonb_path_ops keeps it smaller than the default GIN operator class.
CREATE INDEX "AuditEvent_data_idx" ON "AuditEvent" USING GIN ("data" jsonb_path_ops);
