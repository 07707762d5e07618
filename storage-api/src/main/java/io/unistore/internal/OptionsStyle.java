package io.unistore.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How Unistore's options types are generated (Immutables, at compile time): the public type is the
 * interface ({@code UploadOptions}), the implementation is package-private, builders are reached through
 * {@code UploadOptions.builder()} and return the public types, every attribute has a wither
 * ({@code withContentType}), and no runtime dependency is added.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true))
public @interface OptionsStyle {
}
