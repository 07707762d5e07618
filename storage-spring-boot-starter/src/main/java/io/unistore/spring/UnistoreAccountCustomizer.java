package io.unistore.spring;

import io.unistore.Unistore;

/**
 * Adjusts how each configured account is opened, e.g. adds a {@link io.unistore.spi.Layer} in Java. Every bean of
 * this type is applied, in {@link org.springframework.core.annotation.Order order}, before the account opens; the
 * starter's metrics layer is one.
 */
@FunctionalInterface
public interface UnistoreAccountCustomizer {

    /**
     * Customizes the builder of one account.
     *
     * @param accountName the account's name under {@code unistore.accounts}
     * @param builder the builder, with the address, options and named layers already set
     */
    void customize(String accountName, Unistore.Builder builder);
}
