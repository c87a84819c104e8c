MATCH (i:Introduction)
OPTIONAL MATCH (i)-[:INTRODUCER]->(introducer)
OPTIONAL MATCH (i)-[:INTRODUCED]->(introduced)
OPTIONAL MATCH (i)-[:RECIPIENT]->(recipient)
// A person erased since (see erasure/detach-introductions) is named by the tombstone kept in their place.
RETURN i, coalesce(introducer.id, i.erasedIntroducer) AS introducer, coalesce(introduced.id, i.erasedIntroduced) AS introduced,
       coalesce(recipient.id, i.erasedRecipient) AS recipient
ORDER BY i.id
