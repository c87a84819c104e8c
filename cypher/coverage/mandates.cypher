MATCH (m:Mandate)
RETURN m.id AS id, m.title AS title, m.kind AS kind, m.country AS country, coalesce(m.themes, []) AS themes,
       m.createdAt AS createdAt
