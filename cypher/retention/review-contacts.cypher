// Contacts whose last sign of life is before $cutoff (an ISO date): the latest of the contact's own
// creation or update, its ties' lastContact or since, the dates of the activities it took part in and
// of the introductions that name it. Oldest first.
MATCH (c:Contact)
OPTIONAL MATCH (c)-[r]-(other:Node)
WITH c, collect(CASE
        WHEN other:Introduction THEN coalesce(toString(other.date), other.updatedAt, other.createdAt)
        WHEN other:Communication OR other:Training THEN toString(other.date)
        WHEN other:CountryVisit THEN toString(coalesce(other.endDate, other.startDate))
        ELSE toString(coalesce(r.lastContact, r.since)) END) AS dates
WITH c, reduce(latest = substring(coalesce(c.updatedAt, c.createdAt, ''), 0, 10), d IN dates |
        CASE WHEN substring(d, 0, 10) > latest THEN substring(d, 0, 10) ELSE latest END) AS lastActivity
WHERE lastActivity < $cutoff
WITH c, lastActivity
ORDER BY lastActivity, c.id
WITH collect({id: c.id, name: c.name, kind: c.kind, country: c.country, responsibleOfficer: c.responsibleOfficer,
              lastActivity: CASE WHEN lastActivity = '' THEN null ELSE lastActivity END}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items
