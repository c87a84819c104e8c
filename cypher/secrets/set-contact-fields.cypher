UNWIND $rows AS row
MATCH (c:Contact {id: row.id})
SET c.channels = row.channels, c.notes = row.notes
