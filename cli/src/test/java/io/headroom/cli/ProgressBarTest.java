package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bar and its time left, on a clock the test moves. */
class ProgressBarTest {
    @Test
    void theEtaIsTheElapsedTimeScaledToWhatIsLeft() {
        AtomicLong now = new AtomicLong(0);
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "searching", true, now::get)) {
            now.set(10_000_000_000L);
            bar.update(0.25);
            // 10 s for a quarter: 30 s left
            assertTrue(text.toString().endsWith(" 25%  ETA 0:30"), text.toString());
            now.set(100_000_000_000L);
            bar.update(0.5);
            assertTrue(text.toString().endsWith(" 50%  ETA 1:40"), text.toString());
        }
        assertTrue(text.toString().endsWith("\r"), "close clears the line");
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), "searching", false, () -> 0)) {
            bar.update(0.5);
        }
        assertEquals("", text.toString());
    }
}
