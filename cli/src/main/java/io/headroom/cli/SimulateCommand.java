package io.headroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code headroom simulate}: predicted 503 windows for a scenario (to be built by issue 3). */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate a scenario: when do clients get 503s, and why.")
final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}
