// The audit chain has one head (its last sequence number and hash), so MERGE never makes a second.
CREATE CONSTRAINT AuditHead_name_unique IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.name IS UNIQUE
