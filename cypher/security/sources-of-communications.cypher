// Every source of a communication appears only as a pseudonym to roles without clearance (sources
// are always confidential). Read whole at each graph version: a source stops being one when its
// communication is deleted, which the change record names only by the communication.
MATCH (n:Node)-[:SOURCE_OF]->(:Communication)
RETURN DISTINCT n.id AS id, coalesce(n.name, n.id) AS name
