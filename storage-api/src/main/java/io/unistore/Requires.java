package io.unistore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a store operation that only some providers support. Unistore checks it in one place, before the
 * provider is called: an account that does not declare the capability gets {@link ErrorCode#UNSUPPORTED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
    /** The capability the operation needs. */
    Capability value();
}
