package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the neutral error contract shared by the contracts. */
public final class ErrorAssertions {
    private ErrorAssertions() {
    }

    /**
     * Asserts that {@code call} fails with a {@link StorageException} of {@code code} and returns it for further
     * checks.
     */
    public static StorageException assertFails(ErrorCode code, ThrowingCallable call) {
        StorageException[] caught = new StorageException[1];
        assertThatThrownBy(call).isInstanceOf(StorageException.class)
                .satisfies(t -> caught[0] = (StorageException) t)
                .satisfies(t -> org.assertj.core.api.Assertions.assertThat(((StorageException) t).code())
                        .as("error code of: %s", t).isEqualTo(code));
        return caught[0];
    }
}
