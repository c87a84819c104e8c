CREATE INDEX AuditEntry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)
