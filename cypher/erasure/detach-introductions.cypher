// Introductions that named the erased person keep their existence, status, dates and note, but not
// the person: the link goes, and the role holds the tombstone instead (read back by the introduction
// statements with coalesce, so the introduction still lists and exports with three parties).
MATCH (:Contact {id: $id})<-[link:INTRODUCER|INTRODUCED|RECIPIENT]-(i:Introduction)
WITH i, link, type(link) AS role
DELETE link
WITH i, role
SET i.erasedIntroducer = CASE WHEN role = 'INTRODUCER' THEN $tombstone ELSE i.erasedIntroducer END,
    i.erasedIntroduced = CASE WHEN role = 'INTRODUCED' THEN $tombstone ELSE i.erasedIntroduced END,
    i.erasedRecipient = CASE WHEN role = 'RECIPIENT' THEN $tombstone ELSE i.erasedRecipient END
RETURN count(DISTINCT i) AS introductions, collect(DISTINCT i.id) AS ids
