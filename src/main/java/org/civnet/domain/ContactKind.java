package org.civnet.domain;

/** What an individual contact is (docs/DOMAIN.md). */
public enum ContactKind {
    DEFENDER, VICTIM, RELATIVE, JOURNALIST, LAWYER, ACADEMIC, OFFICIAL, UN_STAFF, OTHER
}
