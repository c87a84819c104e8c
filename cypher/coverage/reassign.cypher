// A handover: moves the responsibility of $from to $to, in one transaction, for the contacts, the
// introductions still open (REQUESTED: a made or declined one needs no follow-up) and the activities
// (communications, country visits, trainings) $from is responsible for; each part only when asked.
// updatedAt moves, as for any change of a record; the answer counts what moved and lists its ids
// (the change record of the graph version this bumps).
CALL {
  MATCH (c:Contact {responsibleOfficer: $from})
  WHERE $contacts
  SET c.responsibleOfficer = $to, c.updatedAt = $now
  RETURN count(c) AS contacts, collect(c.id) AS movedContacts
}
CALL {
  MATCH (i:Introduction {responsibleOfficer: $from})
  WHERE $introductions AND i.status = 'REQUESTED'
  SET i.responsibleOfficer = $to, i.updatedAt = $now
  RETURN count(i) AS introductions, collect(i.id) AS movedIntroductions
}
CALL {
  MATCH (a:Node {responsibleOfficer: $from})
  WHERE $activities AND (a:Communication OR a:CountryVisit OR a:Training)
  SET a.responsibleOfficer = $to, a.updatedAt = $now
  RETURN count(a) AS activities, collect(a.id) AS movedActivities
}
RETURN contacts, introductions, activities, movedContacts + movedIntroductions + movedActivities AS moved
