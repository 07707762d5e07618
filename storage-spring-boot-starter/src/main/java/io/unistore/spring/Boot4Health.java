package io.unistore.spring;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health {@code unistore} on Spring Boot 4, whose health API has a module of its own ({@code spring-boot-health}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator") // Boot 3's API wins on Boot 3
class Boot4Health {

    @Bean
    @ConditionalOnEnabledHealthIndicator("unistore")
    HealthContributor unistoreHealthContributor(UnistoreProperties properties, BeanFactory beanFactory) {
        return CompositeHealthContributor.fromMap(UnistoreAutoConfiguration.probes(properties, beanFactory),
                Indicator::new);
    }

    private static final class Indicator extends AbstractHealthIndicator {
        private final AccountProbe probe;

        Indicator(AccountProbe probe) {
            super("Unistore health check failed");
            this.probe = probe;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) throws Exception {
            AccountProbe.Result result = probe.check();
            builder.withDetail("provider", result.provider());
            if (result.up()) {
                builder.up();
            } else {
                builder.down().withDetail("error", result.error());
            }
        }
    }
}
