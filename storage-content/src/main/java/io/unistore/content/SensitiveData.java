package io.unistore.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal and secret data in one line of text: patterns for the shape, then the check that tells the
 * real thing from a look-alike (Luhn for cards, mod-97 for IBANs, a decodable header for JWTs, digit counts for
 * phone numbers). Where items overlap the one that starts first wins, then the longer one (a connection string
 * over the account key inside it). Stateless and thread-safe.
 */
final class SensitiveData {
    /** One item in a line: its kind and its character span. */
    record Match(FindingKind kind, int start, int end, String value) {
    }

    private record Rule(FindingKind kind, Pattern pattern) {
    }

    // Boundaries: no word character, '-', '.', '/' or '+' right before or after, so pieces of UUIDs, hashes,
    // paths and longer runs of digits are not taken for items.
    private static final String B = "(?<![\\w.+/-])";
    private static final String E = "(?![\\w/+-]|\\.\\w)";

    private static final List<Rule> RULES = List.of(
            new Rule(FindingKind.PRIVATE_KEY, Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
            new Rule(FindingKind.AZURE_CONNECTION_STRING, Pattern.compile("(?i)(?:DefaultEndpointsProtocol|AccountName|"
                    + "BlobEndpoint|QueueEndpoint|TableEndpoint|FileEndpoint)=[^\\s\"'<>]*?(?:AccountKey|"
                    + "SharedAccessSignature)=[^\\s\"'<>]+")),
            new Rule(FindingKind.AZURE_SAS_SIGNATURE, Pattern.compile("(?<![\\w])sig=[A-Za-z0-9%/+]{20,}(?:%3D|=){0,2}")),
            new Rule(FindingKind.JWT, Pattern.compile("(?<![\\w-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\."
                    + "[A-Za-z0-9_-]{8,}(?![\\w-])")),
            new Rule(FindingKind.GITHUB_TOKEN, Pattern.compile("(?<![\\w])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_"
                    + "[A-Za-z0-9_]{82})(?![\\w])")),
            new Rule(FindingKind.AWS_ACCESS_KEY_ID, Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)"
                    + "[A-Z2-7]{16}(?![A-Za-z0-9])")),
            new Rule(FindingKind.AZURE_STORAGE_KEY, Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{86}=="
                    + "(?![A-Za-z0-9+/=])")),
            new Rule(FindingKind.EMAIL, Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@"
                    + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])")),
            new Rule(FindingKind.IBAN, Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}"
                    + "(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])")),
            new Rule(FindingKind.CARD_NUMBER, Pattern.compile(B + "\\d(?:[ -]?\\d){12,18}" + E)),
            new Rule(FindingKind.PHONE, Pattern.compile(B + "(?<!\\d[ .-])(?:\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}"
                    // US (555) 123-4567, 555-123-4567, 555.123.4567
                    + "|\\(\\d{3}\\) ?\\d{3}[-. ]\\d{4}|\\d{3}[-.]\\d{3}[-.]\\d{4}"
                    // FR 01 23 45 67 89 / 01.23.45.67.89
                    + "|0[1-9](?:[ .]\\d{2}){4}"
                    // UK 020 7946 0958, 07700 900123; DE 030 12345678, 0171/1234567
                    + "|0\\d{2,4}[ /]\\d{3,4} ?\\d{3,4})" + E + "(?![ .-]\\d)")));

    private SensitiveData() {
    }

    /** Every item in the line, in order, without overlaps. */
    static List<Match> find(String line) {
        List<Match> all = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!mayHold(rule.kind(), line)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(line);
            while (m.find()) {
                String value = m.group();
                if (valid(rule.kind(), value)) {
                    all.add(new Match(rule.kind(), m.start(), m.end(), value));
                }
            }
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
        List<Match> kept = new ArrayList<>();
        int end = -1;
        for (Match m : all) {
            if (m.start() >= end) {
                kept.add(m);
                end = m.end();
            }
        }
        return kept;
    }

    /** A cheap test before a rule's regular expression runs: most lines hold no '@', no digit, no 'sig='. */
    private static boolean mayHold(FindingKind kind, String line) {
        return switch (kind) {
            case EMAIL -> line.indexOf('@') >= 0;
            case PRIVATE_KEY -> line.contains("PRIVATE KEY");
            case AZURE_SAS_SIGNATURE -> line.contains("sig=");
            case AZURE_CONNECTION_STRING -> line.contains("=") && (line.contains("AccountKey")
                    || line.contains("SharedAccessSignature") || line.contains("accountkey"));
            case JWT -> line.contains("eyJ");
            case GITHUB_TOKEN -> line.contains("gh") || line.contains("github_pat_");
            default -> true;
        };
    }

    private static boolean valid(FindingKind kind, String value) {
        return switch (kind) {
            case CARD_NUMBER -> card(value.replaceAll("[ -]", ""), value);
            case IBAN -> Checksums.iban(value.replace(" ", ""));
            case PHONE -> phone(value);
            case JWT -> jwt(value);
            case AZURE_STORAGE_KEY -> mixed(value);
            default -> true;
        };
    }

    /**
     * 13 to 19 digits, separated the same way throughout (or not at all), of a known issuer range (Visa, Mastercard,
     * Amex, Discover, JCB, Diners, UnionPay, Maestro) and passing Luhn: a random 16-digit run passes Luhn one time
     * in ten, the issuer ranges cut that further.
     */
    private static boolean card(String digits, String value) {
        if (digits.length() < 13 || digits.length() > 19 || (value.contains(" ") && value.contains("-"))) {
            return false;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        boolean issuer = digits.charAt(0) == '4' || two >= 51 && two <= 55 || four >= 2221 && four <= 2720
                || two == 34 || two == 37 || four == 6011 || two == 65 || two == 35 || two == 36 || two == 30
                || two == 38 || two == 62 || two == 50 || two >= 56 && two <= 58 || two == 63 || two == 67;
        return issuer && Checksums.luhn(digits);
    }

    /** 8 to 15 digits (E.164's bound), and not a date-like or all-same run. */
    private static boolean phone(String value) {
        String digits = value.replaceAll("\\D", "");
        return digits.length() >= (value.startsWith("+") ? 8 : 9) && digits.length() <= 15
                && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    /** A JWT's header is base64url JSON naming its algorithm. */
    private static boolean jwt(String value) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                    StandardCharsets.UTF_8);
            return header.startsWith("{") && header.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A real key is random: upper and lower case letters and digits all occur (not a run of 'A's). */
    private static boolean mixed(String value) {
        return value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase)
                && value.chars().anyMatch(Character::isDigit);
    }
}
