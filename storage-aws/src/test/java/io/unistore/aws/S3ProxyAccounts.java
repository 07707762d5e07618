package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Accounts on the S3Proxy of this test run (started once, shared by every test class). */
final class S3ProxyAccounts {
    private S3ProxyAccounts() {
    }

    /** The options that reach an S3Proxy instance. */
    static Map<String, String> options(S3Proxy proxy) {
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", proxy.endpoint().toString());
        o.put("accessKeyId", proxy.identity());
        o.put("secretAccessKey", proxy.credential());
        o.put("region", S3Proxy.REGION);
        // S3Proxy drops the connection after a 412 to a PUT without saying so; the SDK's retry reconnects.
        o.put("maxAttempts", "4");
        // S3Proxy answers object tagging with 501 NotImplemented: tags go to metadata (the live test runs native).
        o.put("tags", "false");
        // ...and bucket lifecycle too: S3BucketLifecycleTest checks what is sent, the live kit what S3 keeps.
        o.put("lifecycle", "false");
        return o;
    }

    /** An account on the shared in-memory S3Proxy, with versioning on or off. */
    static StorageAccount open(boolean versioning) {
        return open(Map.of("versioning", String.valueOf(versioning)));
    }

    /** An account on the shared in-memory S3Proxy with extra options. */
    static StorageAccount open(Map<String, String> extra) {
        Map<String, String> o = options(S3Proxy.shared());
        o.putAll(extra);
        return Unistore.open("s3://", o);
    }

    /** A plain SDK client on the shared S3Proxy, to look behind the provider (pending uploads, raw headers). */
    static software.amazon.awssdk.services.s3.S3Client rawClient() {
        S3Proxy proxy = S3Proxy.shared();
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(proxy.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(proxy.identity(),
                                proxy.credential())))
                .build();
    }

    /** A fresh bucket name. */
    static String bucket(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
