// An officer's contacts: those the officer recorded or is responsible for, and those who took part
// in activities or introductions the officer recorded.
CALL {
  MATCH (c:Contact {recordedBy: $officer})
  RETURN c, 'RECORDED' AS via
  UNION
  MATCH (c:Contact {responsibleOfficer: $officer})
  RETURN c, 'RESPONSIBLE' AS via
  UNION
  MATCH (c:Contact)-[:SOURCE_OF|MET_DURING|ATTENDED]->(a:Node {recordedBy: $officer})
  RETURN c, 'ACTIVITY' AS via
  UNION
  MATCH (i:Introduction {recordedBy: $officer})-[:INTRODUCER|INTRODUCED|RECIPIENT]->(c:Contact)
  RETURN c, 'INTRODUCTION' AS via
}
RETURN c.id AS id, collect(DISTINCT via) AS via
ORDER BY id
