package io.unistore.msgraph;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.HttpStatuses;
import java.util.function.Supplier;

/** Graph's errors as StorageExceptions: its own codes first, then the HTTP status. */
final class GraphErrors {
    private GraphErrors() {
    }

    /** Runs a call, translating whatever the SDK throws. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static StorageException translate(String what, RuntimeException e) {
        if (e instanceof StorageException s) {
            return s;
        }
        if (e instanceof ApiException api) {
            int status = api.getResponseStatusCode();
            String code = null;
            String message = api.getMessage();
            String requestId = null;
            if (api instanceof ODataError odata && odata.getError() != null) {
                MainError main = odata.getError();
                code = main.getCode();
                message = main.getMessage();
                if (main.getInnerError() != null) {
                    requestId = main.getInnerError().getRequestId();
                }
            }
            ErrorCode neutral = errorCode(status, code);
            return new StorageException(neutral, what + " failed: " + status + (code == null ? "" : " " + code)
                    + (message == null ? "" : " (" + message + ")"), e, status, code, requestId);
        }
        return new StorageException(ErrorCode.UNAVAILABLE, what + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e, 0, null, null);
    }

    /** Graph's codes (https://learn.microsoft.com/graph/errors) where they say more than the status. */
    static ErrorCode errorCode(int status, String code) {
        if (code != null) {
            switch (code) {
                case "itemNotFound":
                    return ErrorCode.NOT_FOUND;
                case "nameAlreadyExists":
                    return ErrorCode.ALREADY_EXISTS;
                case "resourceModified":
                    return ErrorCode.PRECONDITION_FAILED;
                case "activityLimitReached":
                    return ErrorCode.THROTTLED;
                case "notAllowed":
                case "accessDenied":
                    return ErrorCode.PERMISSION_DENIED;
                default:
                    break;
            }
        }
        return HttpStatuses.errorCode(status);
    }
}
