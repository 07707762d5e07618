package io.unistore.cli;

import io.unistore.StorageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code unistore} command: opens the session, runs, and turns every failure into a message on stderr and an
 * exit code ({@link Exit}); never a stack trace.
 */
abstract class BaseCommand implements Callable<Integer> {
    @Mixin
    Globals own;

    @Spec
    CommandSpec spec;

    /** The options in force: this command's, with those given before its name filling in (set before run). */
    Globals globals;

    /** Runs the command; returns its exit code. */
    abstract int run(Session session, Output output) throws Exception;

    @Override
    public final Integer call() {
        globals = own.with(((Main) spec.root().userObject()).globals);
        Output output = new Output(System.out, System.err, globals.json, globals.quiet, System.console() != null);
        try (Session session = Session.of(globals.configOrEnvironment(), globals.accounts, System::getenv)) {
            return run(session, output);
        } catch (CliException e) {
            output.error(Errors.describe(e));
            return e.exitCode();
        } catch (StorageException e) {
            output.error(Errors.describe(e));
            return Exit.of(e.code());
        } catch (Exception e) {
            output.error(Errors.describe(e));
            return Exit.FAILED;
        } finally {
            System.out.flush();
        }
    }
}
