package org.civnet.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a field of a response may reveal, declared once on the data model and applied to every
 * representation of a response (JSON, CSV, GraphML, GEXF) for roles without clearance by
 * {@code security/Redactor}. Every component of a response record that can carry text (a
 * {@code String}, a list or map of them, or an {@code Object}) must declare one; fields of closed
 * types (numbers, booleans, enums, dates and times) are safe by their type, and nested records
 * declare their own. An undeclared text field is withheld (and {@code RedactionCoverageTest} fails).
 *
 * <p>The <em>subject</em> of a record is the node named by its {@code id} component.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Sensitivity {

    Kind value();

    enum Kind {
        /** Shown; any value that is a protected person's id becomes their pseudonym (ids, codes, enum names). */
        SAFE,
        /**
         * The subject's display name: a protected person's becomes their pseudonym; a name that is free
         * text (a training's title) is withheld; any other is shown.
         */
        NAME,
        /** Locates or reaches the subject (country, channels): withheld when the subject is protected. */
        IDENTIFYING,
        /** Written by people (notes, summaries, roles, titles, places): withheld from every role without clearance. */
        FREE_TEXT
    }
}
