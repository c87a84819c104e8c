// Every stored node also carries :Node, so ties and look-ups can find any kind by id, and ids are unique across kinds.
CREATE CONSTRAINT Node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE
