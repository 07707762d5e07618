package io.unistore;

/** The default instances of the options types of this package, made once. */
final class Defaults {
    static final ListOptions LIST = ListOptions.builder().build();
    static final RequestConditions CONDITIONS = RequestConditions.builder().build();

    private Defaults() {
    }
}
