// Applied once per node label from the allow-list: ids are unique within a kind.
CREATE CONSTRAINT {{label}}_id IF NOT EXISTS FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
