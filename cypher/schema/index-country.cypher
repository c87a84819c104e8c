CREATE INDEX {{label}}_country IF NOT EXISTS FOR (n:{{label}}) ON (n.country)
