/**
 * Unistore for Spring Boot: accounts from properties as beans, Actuator health and info, Micrometer meters,
 * {@code unistore://} resources. Actuator (Boot 3's or Boot 4's health API) and Micrometer are optional: the
 * configurations that use them are active only when the application has them.
 */
module io.unistore.spring {
    requires io.unistore.api;
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;
    requires static micrometer.core;
    requires static spring.boot.actuator;
    requires static spring.boot.actuator.autoconfigure;
    requires static spring.boot.health;

    exports io.unistore.spring;
    // Spring creates the configurations and binds the properties reflectively.
    opens io.unistore.spring;
}
