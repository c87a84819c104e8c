// A communication used to name one mandate ("mandate"); it now names every mandate that sent it
// ("mandates"). Run at start-up: moves the old value into the list (keeping any list already there),
// then removes the old property, so a second run finds nothing to do.
MATCH (c:Communication)
WHERE c.mandate IS NOT NULL
SET c.mandates = CASE
      WHEN c.mandates IS NULL THEN [c.mandate]
      WHEN c.mandate IN c.mandates THEN c.mandates
      ELSE c.mandates + c.mandate
    END
REMOVE c.mandate
RETURN count(c) AS changed
