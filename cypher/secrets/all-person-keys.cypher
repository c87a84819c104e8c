// Every wrapped data key: for the copy kept in the secrets directory.
MATCH (k:PersonKey)
RETURN k.contact AS contact, k.wrapped AS wrapped
ORDER BY k.contact
