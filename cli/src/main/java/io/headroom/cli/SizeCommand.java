package io.headroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code headroom size}: replicas for a target rate (to be built by issue 2). */
@Command(name = "size", mixinStandardHelpOptions = true, description = "How many replicas (and nodes) a target rate needs.")
final class SizeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}
