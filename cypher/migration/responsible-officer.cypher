// Contacts, introductions and activities now name the officer responsible for them. A store written
// before has none: the officer who recorded each record is responsible for it, as a new record's
// default is the user who writes it. Records that already name one are left alone, so a second run
// finds nothing to do.
MATCH (n:Node)
WHERE (n:Contact OR n:Introduction OR n:Communication OR n:CountryVisit OR n:Training)
  AND n.responsibleOfficer IS NULL AND n.recordedBy IS NOT NULL
SET n.responsibleOfficer = n.recordedBy
RETURN count(n) AS changed
