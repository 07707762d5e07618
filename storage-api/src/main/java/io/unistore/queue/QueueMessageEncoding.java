package io.unistore.queue;

import io.unistore.StorageException;
import java.util.Locale;

/**
 * How a message body is kept as the text a queue service stores, which every program sharing the queue must
 * agree on. Unistore never guesses it from a message's content: it is a setting, the account option
 * {@value #OPTION} ({@code none}, the default, or {@code base64}), and {@link QueueStore#withMessageEncoding}
 * for queues read or written otherwise - as the Azure SDKs' {@code messageEncoding} on a client builder.
 */
public enum QueueMessageEncoding {
    /**
     * The body is UTF-8 text, stored as it is: what the Azure SDKs for Java, .NET, JavaScript and Python send
     * and read by default. It holds text only; a body that is not text is refused (use {@link #BASE64}).
     */
    NONE,
    /**
     * The body is stored as its base64 text: what Azure Functions' queue trigger and output binding expect,
     * and what the SDKs write with {@code QueueMessageEncoding.BASE64}. Any bytes fit, in 3/4 of the space.
     */
    BASE64;

    /** The account option that sets the encoding of an account's queues. */
    public static final String OPTION = "queueMessageEncoding";

    /**
     * Reads an option or argument value: {@code none} or {@code base64}, in any case.
     *
     * @param argument the option or argument name, for the error
     * @throws StorageException INVALID_ARGUMENT for any other value
     */
    public static QueueMessageEncoding parse(String argument, String value) {
        if (value != null) {
            for (QueueMessageEncoding e : values()) {
                if (e.optionValue().equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
        }
        throw StorageException.invalidArgument(argument, "must be none or base64, was '" + value + "'");
    }

    /** The value as written in options and arguments: {@code none} or {@code base64}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The largest body this encoding fits in a message of {@code maxMessageBytes} bytes of text (UTF-8): all
     * of it for {@link #NONE}, 3/4 of it for {@link #BASE64} (49,152 bytes in Azure's 64 KiB).
     */
    public int maxBodyBytes(int maxMessageBytes) {
        return this == NONE ? maxMessageBytes : maxMessageBytes / 4 * 3;
    }
}
