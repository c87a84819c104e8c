// One failed login, counted under each key (the username, the address): kept in the store so that
// every civnet on this Neo4j counts the same failures. Only the failures inside the window are kept,
// the latest $keep at most; keys idle past the window are removed a few at a time.
UNWIND $keys AS key
MERGE (f:LoginFailures {key: key})
SET f.times = ([t IN coalesce(f.times, []) WHERE t > $cutoff] + $now)[-$keep..]
WITH count(*) AS recorded
CALL {
  MATCH (stale:LoginFailures)
  WHERE stale.times[-1] <= $cutoff
  WITH stale LIMIT 100
  DELETE stale
}
RETURN recorded
