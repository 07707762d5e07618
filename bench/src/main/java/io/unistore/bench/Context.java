package io.unistore.bench;

/**
 * What every section gets.
 *
 * @param profile sizes and repetitions
 * @param workspace where files go
 * @param backends the emulators, started on first use
 * @param log progress output
 */
public record Context(Profile profile, Workspace workspace, Backends backends, Log log) {
}
