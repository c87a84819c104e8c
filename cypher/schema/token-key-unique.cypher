// One token name per owner: the key is "owner/name".
CREATE CONSTRAINT ApiToken_key IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.key IS UNIQUE
