CREATE RANGE INDEX GraphChange_version IF NOT EXISTS FOR (c:GraphChange) ON (c.version)
