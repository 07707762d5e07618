package io.unistore.crypto;

import io.unistore.Page;
import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How every key rotation goes through its items (blobs, files, entities): page by page, one step per item, a report
 * after each with the token to resume from just after it, a failed item counted and named while the walk goes on,
 * and {@link KeyRotation.Options#limit()} ending a run early with a token.
 *
 * @param <T> the listed item
 */
final class RotationWalk<T> {
    /** What a rotation does to one item; a StorageException it throws counts the item as failed. */
    interface Step<T> {
        void apply(T item, Counts counts);
    }

    private final Function<String, Page<T>> pages;
    private final Function<T, String> name;
    private final boolean byteOrdered;

    /**
     * @param pages the page a listing token (null: the first) gives
     * @param name an item's name, unique in its listing (the failures name it, the token records it)
     * @param byteOrdered whether listings are ordered by the names' UTF-8 bytes (blobs), so a resumed page skips
     *        every name up to the last one done even if that one is gone; otherwise the page is skipped up to that
     *        name, and from its start if the name is gone (a step repeated is harmless)
     */
    RotationWalk(Function<String, Page<T>> pages, Function<T, String> name, boolean byteOrdered) {
        this.pages = pages;
        this.name = name;
        this.byteOrdered = byteOrdered;
    }

    RotationReport run(KeyRotation.Options options, Step<T> step) {
        Counts counts = new Counts();
        RotationToken resume = RotationToken.parse(options.continuationToken());
        String token = resume.page();
        do {
            Page<T> page = pages.apply(token);
            List<T> items = resume.after() == null ? page.items() : remaining(page.items(), resume);
            for (int i = 0; i < items.size(); i++) {
                T item = items.get(i);
                try {
                    step.apply(item, counts);
                } catch (StorageException e) {
                    counts.fail(name.apply(item), e);
                }
                counts.examined++;
                boolean lastOfAll = i == items.size() - 1 && page.continuationToken() == null;
                String next = lastOfAll ? null : new RotationToken(token, name.apply(item)).encode();
                if (options.progress() != null) {
                    options.progress().accept(counts.report(next));
                }
                if (options.limit() > 0 && counts.examined == options.limit()) {
                    return counts.report(next);
                }
            }
            resume = new RotationToken(null, null);
            token = page.continuationToken();
        } while (token != null);
        RotationReport done = counts.report(null);
        if (options.progress() != null) {
            options.progress().accept(done);
        }
        return done;
    }

    /** The items of a resumed page not done before the stop. */
    private List<T> remaining(List<T> items, RotationToken resume) {
        if (byteOrdered) {
            return items.stream().filter(i -> !resume.done(name.apply(i))).toList();
        }
        for (int i = 0; i < items.size(); i++) {
            if (name.apply(items.get(i)).equals(resume.after())) {
                return items.subList(i + 1, items.size());
            }
        }
        return items;
    }

    /** The counts a report carries. */
    static final class Counts {
        long examined;
        long rewrapped;
        long current;
        long unencrypted;
        long failed;
        final List<RotationReport.Failure> failures = new ArrayList<>();

        void fail(String item, StorageException e) {
            failed++;
            if (failures.size() < RotationReport.MAX_FAILURES) {
                failures.add(new RotationReport.Failure(item, e.code(), e.getMessage()));
            }
        }

        RotationReport report(String token) {
            return new RotationReport(examined, rewrapped, current, unencrypted, failed, failures, token);
        }
    }
}
