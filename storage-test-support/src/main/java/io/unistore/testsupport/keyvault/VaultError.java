package io.unistore.testsupport.keyvault;

/**
 * An error answer in Key Vault's shape, {@code {"error":{"code":"KeyNotFound","message":"..."}}}, with the HTTP
 * status and code the service uses (Key Vault REST reference, "Common error codes" and each operation's errors).
 */
final class VaultError extends RuntimeException {
    final int status;
    final String code;

    VaultError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static VaultError keyNotFound(String nameOrId) {
        return new VaultError(404, "KeyNotFound", "A key with (name/id) " + nameOrId + " was not found in this key "
                + "vault. If you recently deleted this key you may be able to recover it using the correct recovery "
                + "command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");
    }

    static VaultError badParameter(String message) {
        return new VaultError(400, "BadParameter", message);
    }
}
