// Nodes whose display name is free text (a training's title): roles without clearance never see it.
MATCH (n:Training)
RETURN n.id AS id
