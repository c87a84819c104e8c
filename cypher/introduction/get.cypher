MATCH (i:Introduction {id: $id})
OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer)
OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced)
OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient)
RETURN i, introducer.id AS introducer, introduced.id AS introduced, recipient.id AS recipient
