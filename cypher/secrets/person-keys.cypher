// The wrapped data keys of these contacts (those that have one).
UNWIND $ids AS id
MATCH (k:PersonKey {contact: id})
RETURN k.contact AS contact, k.wrapped AS wrapped
