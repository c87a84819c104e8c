CREATE CONSTRAINT CoalitionTrack_key IF NOT EXISTS FOR (t:CoalitionTrack) REQUIRE t.key IS UNIQUE
