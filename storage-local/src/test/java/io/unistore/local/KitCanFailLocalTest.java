package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.TableStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The conformance kit can fail: the table contract, run on the local provider with transactions that commit
 * action by action ({@link NonAtomicTransactions}, test code only), must report the atomicity test as failed.
 */
class KitCanFailLocalTest {

    private static final String LAUNCHED_HERE = "unistore.kitCanFail";

    /**
     * The table contract on a local account whose transactions are not atomic. Nested, so surefire does not
     * pick it up, and disabled unless launched from the test below (it is meant to fail).
     */
    @ExtendWith(OnlyWhenLaunchedHere.class)
    static class NonAtomicTableKit extends TableStoreContract {
        @TempDir
        static Path dir;

        @Override
        protected StorageAccount openAccount() {
            return Unistore.builder().address("file:" + dir).layer(new NonAtomicTransactions()).open();
        }
    }

    /** Enables the broken kit only in the run this class starts itself. */
    static class OnlyWhenLaunchedHere implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(LAUNCHED_HERE).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by KitCanFailLocalTest")
                    : ConditionEvaluationResult.disabled("a deliberately broken provider; KitCanFailLocalTest runs it");
        }
    }

    @Test
    void theTableContractCatchesNonAtomicTransactions() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(NonAtomicTableKit.class)).configurationParameter(LAUNCHED_HERE, "true")
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        List<String> failed = summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getSource().orElse(null))
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName())
                .toList();
        System.out.println("[kit on non-atomic transactions] " + summary.getTestsSucceededCount() + " passed, failed: "
                + failed);
        assertThat(summary.getTestsFoundCount()).isGreaterThan(20);
        assertThat(failed).contains("aFailingActionRollsTheWholeTransactionBack");
        assertThat(summary.getTestsSucceededCount()).as("the rest of the kit still runs and passes").isPositive();
    }
}
