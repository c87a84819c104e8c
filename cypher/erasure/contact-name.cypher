// The contact to erase, read in the erasing transaction (its name is needed to find it in the audit log).
MATCH (c:Contact {id: $id})
RETURN c.name AS name
