package org.civnet.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of ids whose order means something (a path): when the re-identification gate withholds
 * one of them, the record holding the list is withheld whole, since the list without that id would
 * say something false (a path that skips a person). Other lists of ids just lose the withheld one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OrderedIds {
}
