// Who recorded each node and introduction: not part of the network document, but the history and the
// handover are built on it, so a restore must carry it.
MATCH (n:Node)
WHERE n.recordedBy IS NOT NULL
RETURN n.id AS id, n.recordedBy AS user
