package io.unistore.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.unistore.StorageAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Unistore for Spring Boot: the accounts of {@code unistore.accounts.*} as beans (see {@link UnistoreAccounts}),
 * {@code unistore://} resources, and, when the application has them, Actuator health and info and Micrometer meters.
 */
@AutoConfiguration
@ConditionalOnClass(StorageAccount.class)
@EnableConfigurationProperties(UnistoreProperties.class)
public class UnistoreAutoConfiguration {

    @Bean
    static UnistoreAccounts unistoreAccounts() {
        return new UnistoreAccounts();
    }

    @Bean
    static UnistoreProtocolResolver unistoreProtocolResolver() {
        return new UnistoreProtocolResolver();
    }

    /** The accounts' names, the default one included when none is configured. */
    static Set<String> names(UnistoreProperties properties) {
        return UnistoreAccounts.accounts(properties).keySet();
    }

    static StorageAccount account(BeanFactory beanFactory, String name) {
        return beanFactory.getBean(UnistoreAccounts.beanName(name), StorageAccount.class);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(prefix = UnistoreProperties.PREFIX, name = "metrics", matchIfMissing = true)
    static class Metrics {

        @Bean
        UnistoreAccountCustomizer unistoreMetricsCustomizer(ObjectProvider<MeterRegistry> registry) {
            return (name, builder) -> registry.ifAvailable(r -> builder.layer(new MetricsLayer(r, name)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Actuator {

        @Bean
        @ConditionalOnEnabledHealthIndicator("unistore")
        HealthContributor unistoreHealthContributor(UnistoreProperties properties, BeanFactory beanFactory) {
            Map<String, HealthContributor> accounts = new LinkedHashMap<>();
            for (String name : names(properties)) {
                accounts.put(name, new AccountHealthIndicator(() -> account(beanFactory, name),
                        properties.getHealth().getTimeout()));
            }
            return CompositeHealthContributor.fromMap(accounts);
        }

        @Bean
        @ConditionalOnEnabledInfoContributor("unistore")
        InfoContributor unistoreInfoContributor(UnistoreProperties properties, BeanFactory beanFactory) {
            return new UnistoreInfoContributor(names(properties), name -> account(beanFactory, name),
                    UnistoreAccounts.primary(properties, UnistoreAccounts.accounts(properties)));
        }
    }
}
