package io.unistore.content;

/**
 * A kind of personal or secret data that {@link SensitiveData} finds. Secrets (keys, tokens) are masked harder
 * than personal data in previews: only a prefix that names the kind of secret is shown, never its tail.
 */
public enum FindingKind {
    /** An e-mail address. */
    EMAIL(false),
    /** A phone number: E.164 ({@code +} and 8 to 15 digits) or a common national format (US, FR, DE, UK). */
    PHONE(false),
    /** An IBAN whose mod-97 check digits are right. */
    IBAN(false),
    /** A payment card number (13 to 19 digits of a known issuer range) that passes the Luhn check. */
    CARD_NUMBER(false),
    /** An AWS access key id ({@code AKIA...}, {@code ASIA...}). */
    AWS_ACCESS_KEY_ID(true),
    /** An Azure storage account key (88 characters of base64). */
    AZURE_STORAGE_KEY(true),
    /** The signature of an Azure shared access signature ({@code sig=...}). */
    AZURE_SAS_SIGNATURE(true),
    /** An Azure storage connection string holding a key or a SAS. */
    AZURE_CONNECTION_STRING(true),
    /** A GitHub token ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_}, {@code github_pat_}). */
    GITHUB_TOKEN(true),
    /** A JSON Web Token whose header decodes to JSON naming an {@code alg}. */
    JWT(true),
    /** A PEM or OpenSSH private key block (its BEGIN line; redaction masks the whole block). */
    PRIVATE_KEY(true);

    private final boolean secret;

    FindingKind(boolean secret) {
        this.secret = secret;
    }

    /** Whether this is a credential (masked to its prefix) rather than personal data. */
    public boolean secret() {
        return secret;
    }
}
