package io.unistore.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContext;

/**
 * What Actuator reports for one account, read through whichever health API the class path has: Boot 3 keeps it in
 * {@code org.springframework.boot.actuate.health}, Boot 4 in {@code org.springframework.boot.health.contributor}, and
 * these tests run on both (storage-spring-boot4-test runs them on Boot 4).
 */
record HealthView(String status, Map<String, Object> details, String text) {

    /** The package of the health API of the Boot version the tests run on. */
    static String expectedApi() {
        return SpringBootVersion.getVersion().startsWith("3.") ? "org.springframework.boot.actuate.health"
                : "org.springframework.boot.health.contributor";
    }

    /** A checker of the named account: each {@code check()} runs the health indicator once. */
    static Checker of(ApplicationContext context, String account) {
        try {
            Object composite = context.getBean("unistoreHealthContributor");
            Object indicator = call(composite, "getContributor", account);
            return indicator == null ? null : new Checker(indicator);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a method through the public type that declares it (the implementations are often package-private). */
    private static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
        Deque<Class<?>> types = new ArrayDeque<>(List.of(target.getClass()));
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            if (Modifier.isPublic(type.getModifiers())) {
                for (Method m : type.getDeclaredMethods()) {
                    if (m.getName().equals(name) && m.getParameterCount() == args.length
                            && Modifier.isPublic(m.getModifiers())) {
                        return m.invoke(target, args);
                    }
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        throw new NoSuchMethodException(target.getClass() + "." + name);
    }

    /** One account's health indicator. */
    static final class Checker {
        private final Object indicator;

        private Checker(Object indicator) {
            this.indicator = indicator;
        }

        String api() {
            for (Class<?> i : indicator.getClass().getSuperclass().getInterfaces()) {
                if (i.getSimpleName().equals("HealthIndicator")) {
                    return i.getPackageName();
                }
            }
            throw new AssertionError("not a HealthIndicator: " + indicator.getClass());
        }

        @SuppressWarnings("unchecked")
        HealthView check() {
            try {
                Object h = call(indicator, "health");
                String code = (String) call(call(h, "getStatus"), "getCode");
                return new HealthView(code, (Map<String, Object>) call(h, "getDetails"), h.toString());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
