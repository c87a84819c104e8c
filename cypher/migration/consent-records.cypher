// Consent used to be one yes/no property, consentToIntroduce; it is now a record per purpose, kept as
// flat properties (network/ConsentProperties). A yes becomes a consent to introduce of unknown date
// ('unknown'), current until the configured review date; a no becomes no record (nothing was consented
// to). The old property goes, so a second run finds nothing to do.
MATCH (c:Contact)
WHERE c.consentToIntroduce IS NOT NULL
FOREACH (_ IN CASE WHEN c.consentToIntroduce = true AND c.consentIntroduceGiven IS NULL THEN [1] ELSE [] END |
  SET c.consentIntroduceGiven = 'unknown', c.consentIntroduceUntil = $reviewDate)
REMOVE c.consentToIntroduce
RETURN count(c) AS changed
