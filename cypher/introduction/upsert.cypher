// Records introductions. Moving a stored introduction to MADE creates the KNOWS tie between
// recipient and introduced, or raises its trust by one (at most 5), once. A new record that
// arrives already MADE (an import, a restore) only creates the tie if it is missing: its effect
// may already be in the ties of the same document.
// A party may be an erased person's tombstone ($erased is the shape, see domain/Erased): the role then
// keeps the tombstone instead of a link, as the erasure left it.
UNWIND $rows AS row
OPTIONAL MATCH (introducer:Contact {id: row.introducer})
OPTIONAL MATCH (introduced:Contact {id: row.introduced})
OPTIONAL MATCH (recipient:Contact {id: row.recipient})
WITH row, introducer, introduced, recipient
WHERE (introducer IS NOT NULL OR row.introducer =~ $erased)
  AND (introduced IS NOT NULL OR row.introduced =~ $erased)
  AND (recipient IS NOT NULL OR row.recipient =~ $erased)
OPTIONAL MATCH (old:Introduction {id: row.id})
WITH row, introducer, introduced, recipient, old IS NULL AS isNew, properties(old) AS before
MERGE (i:Node:Introduction {id: row.id})
SET i = row.props, i.id = row.id,
    i.createdAt = CASE WHEN isNew THEN coalesce(row.createdAt, $now) ELSE before.createdAt END,
    i.updatedAt = CASE WHEN isNew THEN coalesce(row.updatedAt, row.createdAt, $now) ELSE before.updatedAt END,
    i.recordedBy = CASE WHEN isNew THEN $recordedBy ELSE before.recordedBy END,
    i.erasedIntroducer = CASE WHEN introducer IS NULL THEN row.introducer END,
    i.erasedIntroduced = CASE WHEN introduced IS NULL THEN row.introduced END,
    i.erasedRecipient = CASE WHEN recipient IS NULL THEN row.recipient END
WITH i, row, introducer, introduced, recipient, isNew, before
OPTIONAL MATCH (i)-[oldLink:INTRODUCER|INTRODUCED|RECIPIENT]->()
DELETE oldLink
WITH DISTINCT i, row, introducer, introduced, recipient, isNew, before
FOREACH (p IN CASE WHEN introducer IS NULL THEN [] ELSE [introducer] END | MERGE (i)-[:INTRODUCER]->(p))
FOREACH (p IN CASE WHEN introduced IS NULL THEN [] ELSE [introduced] END | MERGE (i)-[:INTRODUCED]->(p))
FOREACH (p IN CASE WHEN recipient IS NULL THEN [] ELSE [recipient] END | MERGE (i)-[:RECIPIENT]->(p))
WITH i, row, introduced, recipient, isNew, before,
     (NOT isNew AND (before.status <> i.status OR coalesce(before.note, '') <> coalesce(i.note, '') OR coalesce(before.date, '') <> coalesce(i.date, '')
                     OR coalesce(before.responsibleOfficer, '') <> coalesce(i.responsibleOfficer, ''))) AS changed,
     (i.status = 'MADE' AND (isNew OR before.status <> 'MADE')) AS becameMade,
     (i.status = 'MADE' AND NOT isNew AND before.status <> 'MADE') AS strengthen
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET i.updatedAt = $now)
WITH i, row, isNew, changed, becameMade, strengthen,
     CASE WHEN recipient.id < introduced.id THEN recipient ELSE introduced END AS a,
     CASE WHEN recipient.id < introduced.id THEN introduced ELSE recipient END AS b
CALL {
  WITH a, b, row, becameMade, strengthen
  WITH a, b, row, strengthen WHERE becameMade AND a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[k:KNOWS]->(b)
  ON CREATE SET k.trust = $introducedTrust, k.since = row.props.date, k.lastContact = row.props.date
  ON MATCH SET k.trust = CASE WHEN NOT strengthen THEN k.trust
                              WHEN coalesce(k.trust, 0) >= 5 THEN 5 ELSE coalesce(k.trust, 0) + 1 END,
               // The introduction's date is a contact: it moves lastContact forward (never back) and,
               // when earlier than since, since back, so the tie keeps since <= lastContact.
               k.lastContact = CASE WHEN strengthen AND row.props.date IS NOT NULL
                                         AND (k.lastContact IS NULL OR row.props.date > k.lastContact)
                                    THEN row.props.date ELSE k.lastContact END,
               k.since = CASE WHEN strengthen AND row.props.date IS NOT NULL AND row.props.date < k.since
                              THEN row.props.date ELSE k.since END
  RETURN count(k) AS strengthened
}
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
