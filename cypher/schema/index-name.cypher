CREATE INDEX {{label}}_name IF NOT EXISTS FOR (n:{{label}}) ON (n.name)
