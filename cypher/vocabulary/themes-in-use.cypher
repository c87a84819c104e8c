// Every theme some node carries, for the page's theme pickers (themes are free tags).
MATCH (n:Node)
WHERE n.themes IS NOT NULL
UNWIND n.themes AS theme
RETURN DISTINCT theme
ORDER BY theme
