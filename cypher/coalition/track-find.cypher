// The numbering last stored for one coalition scope (see report/CoalitionNumbers), and the one before it.
MATCH (t:CoalitionTrack {key: $key})
RETURN t.version AS version, t.ids AS ids, t.numbers AS numbers, t.next AS next,
       t.previousVersion AS previousVersion, t.previousIds AS previousIds,
       t.previousNumbers AS previousNumbers, t.previousNext AS previousNext
