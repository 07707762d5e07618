package io.unistore.crypto;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.BinaryData;
import com.azure.identity.CredentialUnavailableException;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Key Vault SDK failures as StorageExceptions naming the key id and what was being done. Messages carry the HTTP
 * status and the service's error code, never a response body, header or token, so nothing a credential returned
 * can reach a log or a tool's output.
 */
final class KeyVaultErrors {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private KeyVaultErrors() {
    }

    /**
     * @param action what was being done, e.g. "unwrap a content key"
     * @param unwrapping a 400 then means the key does not open this wrapped key (Key Vault's "BadParameter")
     */
    static StorageException map(RuntimeException e, String keyId, String action, boolean unwrapping) {
        if (e instanceof StorageException s) {
            return s;
        }
        if (signInFailed(e)) {
            return new StorageException(ErrorCode.UNAUTHENTICATED, "Key Vault key " + keyId + ": no usable Entra ID "
                    + "credential to " + action + " (" + e.getClass().getSimpleName() + "; see the credential's "
                    + "own log for why)");
        }
        if (e instanceof HttpResponseException h && h.getResponse() != null) {
            int status = h.getResponse().getStatusCode();
            String code = serviceCode(h);
            String where = "Key Vault key " + keyId + " could not " + action + ": HTTP " + status + code;
            return switch (status) {
                case 401 -> new StorageException(ErrorCode.UNAUTHENTICATED, where);
                case 403 -> new StorageException(ErrorCode.PERMISSION_DENIED, where + " (the identity lacks the "
                        + "permission, or the key does not allow the operation)");
                case 404 -> new StorageException(unwrapping ? ErrorCode.PERMISSION_DENIED : ErrorCode.NOT_FOUND,
                        where + " (no such key or version in the vault)");
                case 400 -> unwrapping
                        ? new StorageException(ErrorCode.PERMISSION_DENIED, "Key Vault key " + keyId + " does not "
                                + "unwrap this content key (a different key wrapped it, or the stored key was altered)")
                        : new StorageException(ErrorCode.INVALID_ARGUMENT, where);
                case 408, 429 -> new StorageException(ErrorCode.THROTTLED, where);
                default -> new StorageException(status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL, where);
            };
        }
        return new StorageException(ErrorCode.UNAVAILABLE, "Key Vault key " + keyId + " could not " + action + ": "
                + e.getClass().getSimpleName());
    }

    /**
     * The credential could not get a token: azure-identity's exceptions, or MSAL's wrapped in whatever the token
     * cache threw (the identity's messages stay in its own log: they may quote what the login service said).
     */
    private static boolean signInFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialUnavailableException || t.getClass().getName().startsWith("com.microsoft.aad.")
                    || t instanceof ClientAuthenticationException c && c.getResponse() == null) {
                return true;
            }
        }
        return false;
    }

    /** The service's error code (e.g. KeyNotFound) from the error body the SDK kept, if it has a plain one. */
    private static String serviceCode(HttpResponseException h) {
        Object value = h.getValue();
        String code = null;
        try {
            if (value instanceof BinaryData data) {
                code = JSON.readTree(data.toBytes()).at("/error/code").asString(null);
            } else if (value instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error
                    && error.get("code") instanceof String c) {
                code = c;
            }
        } catch (RuntimeException ignored) {
            // No readable error body: the status says enough.
        }
        return code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? " " + code : "";
    }
}
