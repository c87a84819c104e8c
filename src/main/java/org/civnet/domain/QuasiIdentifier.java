package org.civnet.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that describes its record's subject in the re-identification model (a region, a
 * centrality score that states a degree or a position): withheld when the re-identification gate
 * coarsens a pseudonymised subject, shown otherwise. Complements {@link Sensitivity}, which still
 * decides everything else about the field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface QuasiIdentifier {
}
