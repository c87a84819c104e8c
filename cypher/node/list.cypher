MATCH (n:{{label}})
WHERE ($region IS NULL OR n.region = $region)
  AND ($country IS NULL OR n.country = $country)
  AND ($theme IS NULL OR $theme IN coalesce(n.themes, []))
  AND ($q IS NULL OR toLower(coalesce(n.name, n.title, '')) CONTAINS toLower($q))
  AND NOT n.id IN $hidden
RETURN n
ORDER BY coalesce($shown[n.id], n.id)
SKIP $skip LIMIT $limit
