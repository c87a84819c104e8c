// One entry per place in the audit chain: two writers can never both take the same sequence number.
CREATE CONSTRAINT AuditEntry_seq_unique IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE
