package io.unistore.mcp;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hostile values mutations draw from: unicode oddities, path tricks, huge numbers, deep expressions. */
final class FuzzTricks {
    private FuzzTricks() {
    }

    /** Strings that break naive handling of text; lone surrogates and NUL included. */
    static final List<String> UNICODE = List.of(
            "\uD83D\uDE00", "\uD800", "\uDC00", "x\uDBFFy", "a\u0000b", "\u0000", "\u202Eevil\u202C", "a\u200Bb",
            "e\u0301", "\uFEFFbom", "\uFFFF", "\uFFFE", "\uFF21\uFF22", "\u0130", "\u00DF", "\u0085", "\u2028",
            "line\r\nbreak", "tab\there", "\uFDFD", "\uFB03", "\u00A0", "\uD835\uDD4F", "\u01C4", "\u0007\u001B[31m",
            "\u2215etc\u2215passwd", "\uFF0E\uFF0E\uFF0F", "e" + "\u0301".repeat(500), "\u0645\u0631\u062D\u0628\u0627",
            "\u4E2D\u6587", "Ω≈ç√∫", "%00", "%s%n%x", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}",
            "'; DROP TABLE x; --", "<script>", "\\", "\"", "''", "*", "?", "[", "{");

    /** Names that try to leave the account's root, for container, blob, table, share and path arguments. */
    static List<String> names(FuzzSandbox s) {
        String canary = s.canary.toString();
        return List.of("..", ".", "../../canary/pwned", "../canary/pwned", "a/../../canary/pwned", "/" + "etc/passwd",
                canary + "/pwned", "//double", "dir/", "./x", "x/./y", "x//y", "%2e%2e%2fcanary%2fpwned",
                "..%2f..%2fcanary", "..\\..\\canary\\pwned", "a\\b", "dir/../../../../../../tmp/pwned", "...", "~",
                "~/pwned", "con", "NUL", "x\u0000/../../canary", "a/" + "../".repeat(40) + canary.substring(1)
                        + "/pwned", "fz-a/../../canary", "-", "Fz..", ".hidden", "dir/..", "file:" + canary + "/pwned");
    }

    /** Local paths that try to leave the allowed directory, aimed at the canary. */
    static List<String> paths(FuzzSandbox s) {
        Path a = s.allowed;
        Path c = s.canary;
        return List.of(c.resolve("secret.txt").toString(), c.resolve("new.txt").toString(),
                a + "/../canary/new.txt", a + "/../canary/secret.txt", a.resolve("to-canary/new.txt").toString(),
                a.resolve("to-canary/secret.txt").toString(), a.resolve("to-canary-file").toString(),
                a + "/./sub/../../canary/x", a.toString(), a.resolve("sub").toString(), a + "/sub/", "canary/x",
                "../canary/x", "~/x", "file://" + c + "/x", a + "/x\u0000/../../canary/y", "/proc/self/environ",
                "/dev/null", "/dev/zero", a + "/" + "n".repeat(300), a + "//in.txt", a + "/in.txt/", "/",
                "\\\\server\\share\\x", "C:\\x", a + "\\..\\canary\\x", a + "/missing-dir/x", s.root.toString(),
                s.data.toString(), s.data + "/x", a + "/" + "../".repeat(30) + c.toString().substring(1) + "/x");
    }

    /** Numbers beyond 64 bits, exponents, negative zero, fractions; every one within the parser's limits. */
    static List<Object> numbers() {
        List<Object> out = new ArrayList<>(List.of(
                new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), Long.MAX_VALUE,
                Long.MIN_VALUE, 2147483648L, -2147483649L, 4294967296L, 9007199254740993L, 1e308, -1e308, 1.5,
                -0.5, 4.9e-324));
        for (String raw : List.of("1e400", "-1e400", "-0", "0.0", "1.0", "1E2", "1e-400", "1.0e1", "-0.0",
                "1" + "0".repeat(999), "0." + "0".repeat(990) + "1", "123456789".repeat(100))) {
            out.add(new JsonText.Raw(raw));
        }
        return out;
    }

    /** Nested JSON {@code depth} levels deep around {@code leaf}, as arrays, objects or both. */
    static Object nested(int depth, Object leaf, int shape) {
        Object v = leaf;
        for (int i = 0; i < depth; i++) {
            v = switch (shape) {
                case 0 -> new ArrayList<>(List.of(v));
                case 1 -> new java.util.LinkedHashMap<>(java.util.Map.of("a", v));
                default -> i % 2 == 0 ? new ArrayList<>(List.of(v)) : new java.util.LinkedHashMap<>(
                        java.util.Map.of("steps", v));
            };
        }
        return v;
    }

    /** JSON text nested beyond any parser's depth limit, or a number beyond its length limit. */
    static JsonText.Raw unparseable(int size, int shape) {
        return switch (shape) {
            case 0 -> new JsonText.Raw("[".repeat(size) + "]".repeat(size));
            case 1 -> new JsonText.Raw("{\"a\":".repeat(size) + "1" + "}".repeat(size));
            default -> new JsonText.Raw("9".repeat(size));
        };
    }

    /** An expression a recursive parser descends {@code depth} levels into. */
    static String deepExpression(int depth, int shape) {
        return switch (shape) {
            case 0 -> "(".repeat(depth) + "PartitionKey eq 'p1'" + ")".repeat(depth);
            case 1 -> "not ".repeat(depth) + "(Age eq 1)";
            case 2 -> "Age eq 1 and ".repeat(depth) + "Age eq 2";
            default -> "-".repeat(depth) + "1 eq Age";
        };
    }
}
