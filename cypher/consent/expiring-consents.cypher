// Consents that lapse between $from and $to (ISO dates, compared as text): one row per contact and
// purpose, not withdrawn, soonest first. Consent is kept as flat properties (network/ConsentProperties).
MATCH (c:Contact)
UNWIND [['INTRODUCE', c.consentIntroduceGiven, c.consentIntroduceUntil, c.consentIntroduceWithdrawn,
         c.consentIntroduceMethod, c.consentIntroduceRecordedBy],
        ['BE_INTRODUCED', c.consentBeIntroducedGiven, c.consentBeIntroducedUntil, c.consentBeIntroducedWithdrawn,
         c.consentBeIntroducedMethod, c.consentBeIntroducedRecordedBy],
        ['NAME_TO_MANDATE', c.consentNameToMandateGiven, c.consentNameToMandateUntil, c.consentNameToMandateWithdrawn,
         c.consentNameToMandateMethod, c.consentNameToMandateRecordedBy]] AS r
WITH c, r
WHERE r[1] IS NOT NULL AND r[3] IS NULL AND r[2] >= $from AND r[2] <= $to
RETURN c.id AS id, c.name AS name, c.responsibleOfficer AS responsibleOfficer, r[0] AS purpose,
       CASE WHEN r[1] = 'unknown' THEN null ELSE r[1] END AS given, r[2] AS until, r[4] AS method, r[5] AS recordedBy
ORDER BY until, name, purpose
LIMIT $limit
