package io.unistore.spring;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health {@code unistore} on Spring Boot 3, whose Actuator keeps health in {@code org.springframework.boot.actuate}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
class Boot3Health {

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
