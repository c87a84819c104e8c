package org.civnet.domain;

/** How a person gave (or confirmed) a consent. */
public enum ConsentMethod {
    /** Said to the officer in person (a meeting, a call). */
    IN_PERSON,
    /** In writing: a signed form, a letter, a message kept on file. */
    WRITTEN,
    /** Passed on by someone else the person trusts; weaker, to be confirmed first-hand when possible. */
    THROUGH_INTERMEDIARY
}
