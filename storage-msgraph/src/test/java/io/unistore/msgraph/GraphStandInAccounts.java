package io.unistore.msgraph;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.msgraph.GraphStandIn;
import java.util.HashMap;
import java.util.Map;

/** Accounts on one Graph stand-in per test JVM, opened through {@code Unistore.open} as a user would. */
final class GraphStandInAccounts {
    private static GraphStandIn shared;

    private GraphStandInAccounts() {
    }

    static synchronized GraphStandIn standIn() {
        if (shared == null) {
            shared = GraphStandIn.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The address of the stand-in's drive. */
    static String address() {
        return "msgraph://drive/" + standIn().driveId();
    }

    /** The options that point the provider at the stand-in, plus {@code extra}. */
    static Map<String, String> options(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>();
        options.put("baseUrl", standIn().baseUrl());
        options.put("accessToken", standIn().token());
        options.putAll(extra);
        return options;
    }

    static StorageAccount open() {
        return open(Map.of());
    }

    static StorageAccount open(Map<String, String> extra) {
        return Unistore.open(address(), options(extra));
    }
}
