package io.unistore.content;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a text by its most common words, for English, French, German, Spanish, Italian, Portuguese
 * and Dutch. Tika 3's own detectors are add-ons: one wraps a library unmaintained since 2016, the other needs
 * OpenNLP models; a count of function words needs neither and is right on running prose, the case that matters
 * for routing documents. Anything else (too short, data, another language) is {@code null}, not a guess.
 */
public final class Language {
    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "for", "with", "was", "this", "are",
                    "be", "on", "have", "not", "you", "from", "by"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "qui", "sur",
                    "avec", "du", "au", "ce", "nous", "vous", "sont"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "den", "sich", "auf",
                    "dem", "für", "ich", "wir", "sie", "von", "zu", "auch"),
            "es", Set.of("el", "los", "las", "y", "es", "una", "por", "con", "para", "del", "que", "se", "como",
                    "más", "pero", "su", "al", "este", "está", "son"),
            "it", Set.of("il", "di", "che", "è", "gli", "una", "per", "non", "con", "sono", "della", "anche", "del",
                    "nel", "questo", "alla", "dei", "come", "ma", "lo"),
            "pt", Set.of("o", "os", "e", "do", "da", "não", "uma", "com", "para", "que", "em", "se", "dos", "mais",
                    "como", "mas", "ao", "ela", "são", "está"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "zijn", "met", "voor", "ik",
                    "ook", "maar", "aan", "er", "wij", "bij", "naar"));
    private static final List<String> ORDER = List.of("en", "fr", "de", "es", "it", "pt", "nl");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Function words a text needs before a language is named. */
    static final int MIN_HITS = 4;

    private Language() {
    }

    /** The ISO 639-1 code of the text's language, or null when it cannot tell. Reads at most 64 K characters. */
    public static String detect(String text) {
        Map<String, Integer> hits = new HashMap<>();
        Matcher m = WORD.matcher(text.length() > 65_536 ? text.substring(0, 65_536) : text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            for (String language : ORDER) {
                if (WORDS.get(language).contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            }
        }
        String best = null;
        int first = 0;
        int second = 0;
        for (String language : ORDER) {
            int n = hits.getOrDefault(language, 0);
            if (n > first) {
                second = first;
                first = n;
                best = language;
            } else if (n > second) {
                second = n;
            }
        }
        // a clear lead: related languages share words ("de", "que", "is"), so a near tie names none
        return first >= MIN_HITS && first >= second * 3 / 2 + 1 ? best : null;
    }
}
