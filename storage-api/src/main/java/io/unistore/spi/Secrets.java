package io.unistore.spi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a message, a log line or tool output: account keys, SAS
 * signatures, connection-string passwords, presigned-URL signatures, bearer tokens, URL user-info.
 */
public final class Secrets {
    /** What a removed secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(AccountKey|SharedAccessSignature|SharedAccessKey|Password|Pwd|client_secret|"
                    + "aws_secret_access_key|secretAccessKey|sessionToken|private_key|token)\\s*([=:])\\s*"
                    + "(\"[^\"]*\"|[^;&\\s,\"]+)");
    // Also after ';' and \u0026: an error body echoing a URL escapes '&' as "&amp;" (XML) or "\u0026" (JSON).
    private static final Pattern QUERY_SIGNATURE = Pattern.compile(
            "(?i)((?:[?&;]|\\\\u0026)(sig|signature|x-amz-signature|x-amz-security-token|x-amz-credential|"
                    + "x-goog-signature|x-goog-credential|googleaccessid|awsaccesskeyid|skoid|sktid|skt|ske|sks|skv)=)"
                    + "[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|SharedKey|Basic)\\s+[A-Za-z0-9._~+/=:-]+");
    private static final Pattern QUERY = Pattern.compile("\\?.*$");
    private static final Pattern ANY_VALUE = Pattern.compile("=[^;,&\\s]*");
    // The scheme is bounded: unbounded, it was tried from every word boundary of a long run of scheme characters
    // to its end, quadratic time (a 100 KB argument echoed in an error message took a minute).
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,31}://)[^/@\\s:]+:[^/@\\s]+@");

    private Secrets() {
    }

    /**
     * An address (a connection string, a URL, a path) as it may be shown when no provider could read it: besides
     * {@link #redact}, every {@code Key=value}'s value and every query string is masked, since a key name with a
     * typo is no longer recognised as one. The shape stays visible ({@code AccountName=***,AccountKey=***}), which
     * is what the user needs to see the typo.
     */
    public static String redactAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        String s = redact(address);
        s = QUERY.matcher(s).replaceAll(m -> Matcher.quoteReplacement("?" + MASK));
        return ANY_VALUE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("=" + MASK));
    }

    /**
     * {@code t} itself when no message of its chain (causes and suppressed exceptions) holds a secret; otherwise
     * a copy of the chain made of {@link RedactedException}s, each with the original's class name, masked message
     * and stack trace. For keeping an SDK's exception as a cause: SDKs put whole error answers in their
     * messages, and a service may repeat a request's signature there.
     */
    public static Throwable redactThrowable(Throwable t) {
        if (t == null || !holdsSecret(t, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return t;
        }
        return copy(t, new IdentityHashMap<>());
    }

    private static boolean holdsSecret(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String text = t.toString();
        if (!text.equals(redact(text)) || holdsSecret(t.getCause(), seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (holdsSecret(s, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> done) {
        if (t == null) {
            return null;
        }
        Throwable known = done.get(t);
        if (known != null) {
            return known;
        }
        String name = t instanceof RedactedException r ? r.originalClass() : t.getClass().getName();
        RedactedException r = new RedactedException(name, redact(t.getMessage()));
        done.put(t, r);
        if (t.getCause() != null && t.getCause() != t) {
            r.initCause(copy(t.getCause(), done));
        }
        r.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s, done));
        }
        return r;
    }

    /** The text with every secret it holds masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = KEY_VALUE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        s = QUERY_SIGNATURE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        s = USER_INFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        return s;
    }
}
