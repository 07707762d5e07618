package io.unistore.bench;

import java.util.concurrent.Callable;

/**
 * A labelled piece of work measured once per round.
 *
 * @param label shown in the report
 * @param unistore whether it is Unistore's side
 * @param run measures one trial (it may prepare and clean up around the timed part itself)
 */
public record Contender(String label, boolean unistore, Callable<Trial> run) {
    public static Contender unistore(String label, Callable<Trial> run) {
        return new Contender(label, true, run);
    }

    public static Contender reference(String label, Callable<Trial> run) {
        return new Contender(label, false, run);
    }
}
