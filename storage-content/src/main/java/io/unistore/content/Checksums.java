package io.unistore.content;

import java.math.BigInteger;

/** The check-digit rules that tell a real card number or IBAN from a random run of digits. */
final class Checksums {
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {
    }

    /** The Luhn (mod 10) check of a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 mod-97: the IBAN (without spaces) moved four characters left, letters as 10..35, mod 97 is 1. */
    static boolean iban(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder n = new StringBuilder(moved.length() * 2);
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            if (c >= '0' && c <= '9') {
                n.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                n.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(n.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
