package io.unistore.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Makes items of each kind (valid ones, as real data is) and decoys that look like them but are not. */
final class Planted {
    record Item(FindingKind kind, String value, String text) {
        Item(FindingKind kind, String value) {
            this(kind, value, value);
        }
    }

    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random;

    Planted(long seed) {
        random = new Random(seed);
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private String chars(String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    Item item(FindingKind kind) {
        return switch (kind) {
            case EMAIL -> new Item(kind, pick(List.of("ada", "jean.dupont", "m.schmidt", "li_wei", "o'neil"))
                    .replace("'", "") + random.nextInt(100) + "@" + pick(List.of("example.com", "mail.example.org",
                    "corp.example.net")));
            case PHONE -> new Item(kind, pick(List.of("+33 6 " + pairs(4), "+1415555" + digits(4),
                    "+44 20 7946 " + digits(4), "(415) 555-" + digits(4), "415-555-" + digits(4),
                    "06 " + pairs(4), "030 " + digits(8), "+49 30 " + digits(8))));
            case IBAN -> new Item(kind, iban(random.nextBoolean()));
            case CARD_NUMBER -> new Item(kind, card(true));
            case AWS_ACCESS_KEY_ID -> new Item(kind, "AKIA" + chars(B32, 16));
            case AZURE_STORAGE_KEY -> {
                String key = azureKey();
                yield new Item(kind, key, "storage key: " + key);
            }
            case AZURE_CONNECTION_STRING -> new Item(kind, "DefaultEndpointsProtocol=https;AccountName=acct"
                    + random.nextInt(1000) + ";AccountKey=" + azureKey() + ";EndpointSuffix=core.windows.net");
            case AZURE_SAS_SIGNATURE -> {
                String sig = "sig=" + URLEncoder.encode(Base64.getEncoder().encodeToString(bytes(32)),
                        StandardCharsets.UTF_8);
                yield new Item(kind, sig, "https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sr=b&sp=r&"
                        + sig);
            }
            case GITHUB_TOKEN -> new Item(kind, "ghp_" + chars(ALNUM, 36));
            case JWT -> new Item(kind, b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\""
                    + random.nextInt(100000) + "\",\"name\":\"n\"}") + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)));
            case PRIVATE_KEY -> {
                String type = pick(List.of("RSA ", "EC ", "OPENSSH ", ""));
                String begin = "-----BEGIN " + type + "PRIVATE KEY-----";
                yield new Item(kind, begin, begin + "\n" + Base64.getEncoder().encodeToString(bytes(48)) + "\n"
                        + Base64.getEncoder().encodeToString(bytes(48)) + "\n-----END " + type + "PRIVATE KEY-----");
            }
        };
    }

    /** Something that looks like an item and is not one. */
    String decoy() {
        return switch (random.nextInt(12)) {
            case 0 -> card(false);
            case 1 -> {
                String iban = iban(false);
                int check = Integer.parseInt(iban.substring(2, 4));
                // one off: the mod-97 remainder is then 0 or 2, never 1
                yield iban.substring(0, 2) + String.format("%02d", check == 98 ? 97 : check + 1) + iban.substring(4);
            }
            case 2 -> digits(7 + random.nextInt(6));
            case 3 -> java.util.UUID.randomUUID().toString();
            case 4 -> java.util.HexFormat.of().formatHex(bytes(32));
            case 5 -> java.util.HexFormat.of().formatHex(bytes(16));
            case 6 -> "2024-" + String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case 7 -> "v" + random.nextInt(10) + "." + random.nextInt(30) + "." + random.nextInt(100);
            case 8 -> "ORD-" + digits(8);
            case 9 -> "admin@localhost";
            case 10 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            default -> Base64.getEncoder().encodeToString(bytes(16));
        };
    }

    private String pairs(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(digits(2));
        }
        return b.toString();
    }

    private String azureKey() {
        String key;
        do {
            key = Base64.getEncoder().encodeToString(bytes(64));
        } while (!key.matches(".*[A-Z].*") || !key.matches(".*[a-z].*") || !key.matches(".*\\d.*"));
        return key;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A German or French IBAN with the right check digits, grouped by four or not. */
    private String iban(boolean grouped) {
        String country = random.nextBoolean() ? "DE" : "FR";
        String bban = country.equals("DE") ? digits(18) : digits(10) + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                11) + digits(2);
        String numeric = toDigits(bban + country + "00");
        int check = 98 - new java.math.BigInteger(numeric).mod(java.math.BigInteger.valueOf(97)).intValue();
        String iban = country + String.format("%02d", check) + bban;
        return grouped ? iban.replaceAll("(.{4})(?!$)", "$1 ") : iban;
    }

    private static String toDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return b.toString();
    }

    /** A Visa, Mastercard or Amex number, Luhn-valid or (a decoy) one off, grouped by spaces, dashes or not. */
    private String card(boolean valid) {
        String prefix = pick(List.of("4", "51", "55", "37"));
        int length = prefix.equals("37") ? 15 : 16;
        String body = prefix + digits(length - prefix.length() - 1);
        int check = 0;
        while (!Checksums.luhn(body + check)) {
            check++;
        }
        String number = body + (valid ? check : (check + 1 + random.nextInt(9)) % 10);
        return switch (random.nextInt(3)) {
            case 0 -> number;
            case 1 -> length == 16 ? number.replaceAll("(.{4})(?!$)", "$1 ") : number.substring(0, 4) + " "
                    + number.substring(4, 10) + " " + number.substring(10);
            default -> length == 16 ? number.replaceAll("(.{4})(?!$)", "$1-") : number;
        };
    }
}
