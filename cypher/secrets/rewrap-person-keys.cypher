// The same data keys, wrapped under the primary field key.
UNWIND $rows AS row
MATCH (k:PersonKey {contact: row.contact})
SET k.wrapped = row.wrapped
