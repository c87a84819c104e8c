// The introductions a contact takes part in (introducer, introduced or recipient), deleted with the
// contact in the same transaction: an introduction joins three people, and one left without one of
// them could be neither shown nor exported and imported again. The answer says how many went.
MATCH (:Contact {id: $id})<-[:INTRODUCER|INTRODUCED|RECIPIENT]-(i:Introduction)
WITH DISTINCT i
DETACH DELETE i
RETURN count(i) AS introductions
