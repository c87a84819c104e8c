package org.civnet.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler method: the roles that get its response unredacted. Without it, every role with
 * clearance does (ADMIN, OFFICER); the full export is ADMIN's only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShownInFullTo {
    Role[] value();
}
