package io.unistore.testsupport.aws;

import io.unistore.testsupport.FreePorts;
import java.lang.reflect.Method;
import java.net.URI;

/**
 * ElasticMQ (Maven Central {@code org.elasticmq:elasticmq-rest-sqs_2.13}, Apache-2.0: SQS's API in memory)
 * started in this JVM on a free 127.0.0.1 port: the SQS back end of tests. {@link #shared()} starts one per JVM.
 *
 * <p>It is started by reflection so that this module does not carry ElasticMQ (and Scala and Pekko) for every
 * test: a module whose tests use it adds {@code elasticmq-rest-sqs_2.13} as a test dependency.
 */
public final class ElasticMq implements AutoCloseable {
    /** The region ElasticMQ names in queue URLs; the SDK signs with it (ElasticMQ checks no signature). */
    public static final String REGION = "elasticmq";

    private static ElasticMq shared;

    private final Object server;
    private final int port;

    private ElasticMq(Object server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The JVM-wide instance, started on first use and stopped at exit. */
    public static synchronized ElasticMq shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-shared-elasticmq"));
        }
        return shared;
    }

    /** Starts a private instance; close it when done. */
    public static ElasticMq start() {
        int port = FreePorts.next();
        try {
            Class<?> builderClass = Class.forName("org.elasticmq.rest.sqs.SQSRestServerBuilder");
            Object builder = builderClass.getMethod("withInterface", String.class).invoke(null, "127.0.0.1");
            builder = call(builder, "withPort", new Class<?>[] {int.class}, port);
            builder = call(builder, "withServerAddress", new Class<?>[] {nodeAddressClass()},
                    nodeAddress("http", "127.0.0.1", port));
            Object server = call(builder, "start", new Class<?>[0]);
            call(server, "waitUntilStarted", new Class<?>[0]);
            return new ElasticMq(server, port);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ElasticMQ is not on the class path: add the test dependency "
                    + "org.elasticmq:elasticmq-rest-sqs_2.13", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start ElasticMQ", e);
        }
    }

    private static Class<?> nodeAddressClass() throws ClassNotFoundException {
        return Class.forName("org.elasticmq.NodeAddress");
    }

    private static Object nodeAddress(String protocol, String host, int port) throws ReflectiveOperationException {
        Class<?> c = nodeAddressClass();
        // NodeAddress(protocol, host, port, contextPath): a case class, so its constructor takes all four.
        return c.getConstructor(String.class, String.class, int.class, String.class)
                .newInstance(protocol, host, port, "");
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(name, types);
        return m.invoke(target, args);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void stop() {
        try {
            call(server, "stopAndWait", new Class<?>[0]);
        } catch (ReflectiveOperationException e) {
            // stopping at exit: nothing left to do
        }
    }

    /** Stops a private instance; the shared one stops with the JVM. */
    @Override
    public void close() {
        if (this != shared) {
            stop();
        }
    }
}
