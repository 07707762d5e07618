package io.unistore.azure;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceExistsException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.util.function.Supplier;

/** Service Bus failures (AMQP conditions, administration HTTP answers) as {@link StorageException}s. */
final class ServiceBusErrors {
    private ServiceBusErrors() {
    }

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    static void run(String operation, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    /** Whether the failure says the entity (or the message) does not exist. */
    static boolean isNotFound(Throwable t) {
        return translate("", t).code() == ErrorCode.NOT_FOUND;
    }

    static StorageException translate(String operation, Throwable t) {
        if (t instanceof StorageException se) {
            return se;
        }
        if (t instanceof HttpResponseException h && !(t instanceof ResourceNotFoundException)
                && !(t instanceof ResourceExistsException)) {
            return AzureErrors.translate(operation, t);
        }
        ErrorCode code = ErrorCode.INTERNAL;
        boolean retryable = false;
        String reason = null;
        if (t instanceof ResourceNotFoundException) {
            code = ErrorCode.NOT_FOUND;
        } else if (t instanceof ResourceExistsException) {
            code = ErrorCode.ALREADY_EXISTS;
        } else if (t instanceof ServiceBusException sb) {
            ServiceBusFailureReason r = sb.getReason();
            reason = String.valueOf(r);
            code = fromReason(r);
            retryable = sb.isTransient();
        } else if (cause(t, AmqpException.class) instanceof AmqpException a) {
            AmqpErrorCondition c = a.getErrorCondition();
            reason = String.valueOf(c);
            code = c == AmqpErrorCondition.NOT_FOUND ? ErrorCode.NOT_FOUND
                    : c == AmqpErrorCondition.UNAUTHORIZED_ACCESS ? ErrorCode.PERMISSION_DENIED
                    : c == AmqpErrorCondition.MESSAGE_LOCK_LOST ? ErrorCode.PRECONDITION_FAILED
                    : a.isTransient() ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
            retryable = a.isTransient();
        } else if (t instanceof IllegalArgumentException) {
            code = ErrorCode.INVALID_ARGUMENT;
        } else if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("Timeout")) {
            code = ErrorCode.UNAVAILABLE;
            retryable = true;
        }
        String message = operation + " failed: " + (reason != null ? reason + " (" : "")
                + Secrets.redact(firstLine(t.getMessage())) + (reason != null ? ")" : "");
        return new StorageException(code, message, t, 0, reason, null, retryable);
    }

    private static ErrorCode fromReason(ServiceBusFailureReason r) {
        if (r == ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND || r == ServiceBusFailureReason.MESSAGE_NOT_FOUND) {
            return ErrorCode.NOT_FOUND;
        }
        if (r == ServiceBusFailureReason.MESSAGE_LOCK_LOST) {
            return ErrorCode.PRECONDITION_FAILED;
        }
        if (r == ServiceBusFailureReason.UNAUTHORIZED) {
            return ErrorCode.PERMISSION_DENIED;
        }
        if (r == ServiceBusFailureReason.QUOTA_EXCEEDED || r == ServiceBusFailureReason.SERVICE_BUSY) {
            return ErrorCode.THROTTLED;
        }
        if (r == ServiceBusFailureReason.SERVICE_TIMEOUT || r == ServiceBusFailureReason.SERVICE_COMMUNICATION_ERROR) {
            return ErrorCode.UNAVAILABLE;
        }
        if (r == ServiceBusFailureReason.MESSAGE_SIZE_EXCEEDED) {
            return ErrorCode.INVALID_ARGUMENT;
        }
        if (r == ServiceBusFailureReason.MESSAGING_ENTITY_ALREADY_EXISTS) {
            return ErrorCode.ALREADY_EXISTS;
        }
        return ErrorCode.INTERNAL;
    }

    private static Throwable cause(Throwable t, Class<?> type) {
        Throwable cur = t;
        for (int i = 0; cur != null && i < 8; i++) {
            if (type.isInstance(cur)) {
                return cur;
            }
            cur = cur.getCause();
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
