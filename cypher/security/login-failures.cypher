UNWIND $keys AS key
OPTIONAL MATCH (f:LoginFailures {key: key})
RETURN key, [t IN coalesce(f.times, []) WHERE t > $cutoff] AS times
