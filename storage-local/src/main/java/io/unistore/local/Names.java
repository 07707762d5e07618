package io.unistore.local;

import io.unistore.StorageException;

/** Checks the local provider adds to {@link io.unistore.spi.NameRules}. */
final class Names {
    private Names() {
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: it is not Unicode, and could not be stored and read
     * back unchanged.
     */
    static String wellFormed(String argument, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw StorageException.invalidArgument(argument, "must be valid Unicode (unpaired surrogate U+"
                        + String.format("%04X", (int) c) + " at " + i + ")");
            }
        }
        return text;
    }
}
