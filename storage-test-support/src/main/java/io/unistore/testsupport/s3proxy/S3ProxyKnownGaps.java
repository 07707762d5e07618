package io.unistore.testsupport.s3proxy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The blob contract tests S3Proxy 4.1.0 cannot pass whatever the provider (or a layer over it) does, by test method
 * name, each with the reason found. A kit subclass on S3Proxy says {@code @ExtendWith(S3ProxyKnownGaps.class)}: they
 * show as skipped with their reason, never as passed; storage-aws's live test runs them against real S3. (JUnit is
 * an optional dependency of this module, for this class.)
 */
public final class S3ProxyKnownGaps implements ExecutionCondition {
    private static final Map<String, String> GAPS = Map.of(
            "aTierCanBeSetAndRead",
            "setTier is a CopyObject with a new storage class, and S3Proxy stores copies as STANDARD",
            "uploadsAndCopiesWriteIntoATier",
            "S3Proxy stores copies as STANDARD whatever x-amz-storage-class says",
            "anArchivedBlobIsOfflineUntilRehydrated",
            "S3Proxy stores copies as STANDARD (no way into GLACIER but a PUT) and answers RestoreObject with 501",
            "anUploadCanGoStraightToArchive",
            "leaving ARCHIVE is a RestoreObject, which S3Proxy answers with 501 NotImplemented",
            "concurrentConditionalWritesLoseNothing",
            "S3Proxy's If-Match on PUT is a check followed by a write, not atomic: concurrent writers lose updates",
            "headersAndMetadataRoundTrip",
            "S3Proxy's HTTP server rewrites the Content-Type 'text/plain; charset=utf-8' as 'text/plain;charset=utf-8'");

    /** Why S3Proxy cannot pass the kit's test of this name, or empty when it can. */
    public static Optional<String> reason(String testMethod) {
        return Optional.ofNullable(GAPS.get(testMethod));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestMethod().flatMap(m -> reason(m.getName()))
                .map(why -> ConditionEvaluationResult.disabled("S3Proxy 4.1.0 cannot: " + why))
                .orElse(ConditionEvaluationResult.enabled("S3Proxy can"));
    }
}
