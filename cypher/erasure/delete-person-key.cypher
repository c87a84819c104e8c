// Destroys the person's data key (crypto-shredding): their channels and notes in every backup become
// unreadable. The copy in the secrets directory is rewritten without it after the commit.
OPTIONAL MATCH (k:PersonKey {contact: $id})
WITH collect(k) AS keys
FOREACH (k IN keys | DELETE k)
RETURN size(keys) AS keys
