MATCH (p:Node)-[r:PARTNERS_WITH]->(m:Mandate)
RETURN p.id AS partner, m.id AS mandate, r.since AS since
