package io.unistore.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.unistore.StorageAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Unistore for Spring Boot: the accounts of {@code unistore.accounts.*} as beans (see {@link UnistoreAccounts}),
 * {@code unistore://} resources, and, when the application has them, Actuator health and info (Boot 3 or 4) and
 * Micrometer meters.
 */
@AutoConfiguration
@ConditionalOnClass(StorageAccount.class)
@EnableConfigurationProperties(UnistoreProperties.class)
@Import({Boot3Health.class, Boot4Health.class})
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

    /** One health probe per account, in the order of the properties; Boot3Health and Boot4Health adapt them. */
    static Map<String, AccountProbe> probes(UnistoreProperties properties, BeanFactory beanFactory) {
        Map<String, AccountProbe> probes = new LinkedHashMap<>();
        for (String name : names(properties)) {
            probes.put(name, new AccountProbe(() -> account(beanFactory, name), properties.getHealth().getTimeout()));
        }
        return probes;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class Info {

        @Bean
        @ConditionalOnEnabledInfoContributor("unistore")
        InfoContributor unistoreInfoContributor(UnistoreProperties properties, BeanFactory beanFactory) {
            return new UnistoreInfoContributor(names(properties), name -> account(beanFactory, name),
                    UnistoreAccounts.primary(properties, UnistoreAccounts.accounts(properties)));
        }
    }
}
