CREATE INDEX {{label}}_region IF NOT EXISTS FOR (n:{{label}}) ON (n.region)
