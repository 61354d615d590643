package io.headroom.planner.timeline;

import io.headroom.planner.Excerpt;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: an HdrHistogram interval log (HdrHistogram {@code HistogramLogWriter}
 * format 1.3) of latency in microseconds, one interval per second of the plan, keyed on the second
 * each request was <i>due</i> (intended), not when it was answered. Interval k starts at k.000
 * seconds after the log's {@code StartTime} and lasts 1.000 s; a second with nothing timed has no
 * line. {@code StartTime} (and {@code BaseTime}) is the shared start instant of a segmented load
 * test ({@code --start-at}), else 0, so every injector of one plan writes identical interval
 * boundaries and logs merge by plain addition of the same second's histograms.
 */
public final class LatencyLog {
    /** The largest log read: a week of seconds with a few kB each. */
    private static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final double ONE_YEAR_SECONDS = 365.25 * 24 * 3600;

    private LatencyLog() {
    }

    /**
     * Writes {@code perSecondMicros} (null where nothing was timed; at most {@code seconds} of them)
     * with {@code startEpochMillis} as StartTime and BaseTime.
     */
    public static void write(Path file, List<? extends AbstractHistogram> perSecondMicros, int seconds, long startEpochMillis,
            String comment) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment(comment);
            log.outputComment("latency in microseconds of answered, non-503 requests; interval k = the requests due in second k"
                    + " after StartTime");
            log.outputLogFormatVersion();
            log.outputStartTime(startEpochMillis);
            log.setBaseTime(startEpochMillis);
            log.outputBaseTime(startEpochMillis);
            log.outputLegend();
            for (int s = 0; s < Math.min(seconds, perSecondMicros.size()); s++) {
                AbstractHistogram h = perSecondMicros.get(s);
                if (h != null && h.getTotalCount() > 0) {
                    AbstractHistogram copy = h.copy();
                    copy.setStartTimeStamp(startEpochMillis + s * 1000L);
                    copy.setEndTimeStamp(startEpochMillis + (s + 1) * 1000L);
                    log.outputIntervalHistogram(copy);
                }
            }
            if (out.checkError()) {
                throw new UncheckedIOException(new IOException("cannot write " + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A log as {@link #write} writes it. Each second's histogram is kept compressed, as in the file
     * (a few hundred bytes), and decoded when asked for, so that a merge of many long segments holds
     * kilobytes per second, not a decoded histogram per second per segment.
     */
    public static final class Read {
        private final long startEpochMillis;
        private final List<byte[]> compressed;

        Read(long startEpochMillis, List<byte[]> compressed) {
            this.startEpochMillis = startEpochMillis;
            this.compressed = compressed;
        }

        /** The log's StartTime (0 when it has none), epoch ms. */
        public long startEpochMillis() {
            return startEpochMillis;
        }

        /** One past the last second that has an interval. */
        public int seconds() {
            return compressed.size();
        }

        /** Second {@code s}'s histogram (microseconds), or null when it has none. */
        public Histogram second(int s) {
            byte[] bytes = s < compressed.size() ? compressed.get(s) : null;
            if (bytes == null) {
                return null;
            }
            try {
                return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            } catch (DataFormatException e) {
                throw new IllegalStateException("an interval that decoded when read no longer does", e);
            }
        }

        /** The sum of every second's histogram: the run's latency. */
        public Histogram total(long highestMicros) {
            Histogram sum = new Histogram(highestMicros, 2);
            for (int s = 0; s < compressed.size(); s++) {
                Histogram h = second(s);
                if (h != null) {
                    sum.add(h);
                }
            }
            return sum;
        }
    }

    /**
     * The latencies of {@code file} after a warm-up: the sum of the seconds that start at least
     * {@code skip} after its first second with an interval (for fitting a service time to a run whose
     * first seconds are not steady). Read and validated as {@link #read} does; a log with nothing after
     * the warm-up is an {@link InvalidInputException} naming the file.
     */
    public static Histogram sumAfter(Path file, java.time.Duration skip) {
        Read log = read(file);
        int first = 0;
        while (first < log.seconds() && log.second(first) == null) {
            first++;
        }
        long from = first + (long) Math.ceil(skip.toNanos() / 1e9);
        Histogram sum = null;
        for (int s = (int) Math.min(from, log.seconds()); s < log.seconds(); s++) {
            Histogram h = log.second(s);
            if (h == null) {
                continue;
            }
            if (sum == null) {
                sum = new Histogram(Math.max(h.getHighestTrackableValue(), 2 * h.getLowestDiscernibleValue()),
                        h.getNumberOfSignificantValueDigits());
                sum.setAutoResize(true);
            }
            sum.add(h);
        }
        if (sum == null || sum.getTotalCount() == 0) {
            throw new InvalidInputException("a latency log must hold latencies after the warm-up ("
                    + io.headroom.planner.time.Durations.format(skip) + ") but " + file + " had "
                    + (first >= log.seconds() ? "no intervals" : "none after it") + " (" + file + ":1:1)");
        }
        return sum;
    }

    /**
     * Reads {@code file}, validated: UTF-8 text, header lines starting with {@code #} or the
     * legend, then interval lines {@code start,length,max,histogram} whose start is a whole second
     * (relative to StartTime, or absolute), whose length is 1 s, in increasing order without
     * repeats, each holding a valid compressed histogram. Every problem is an
     * {@link InvalidInputException} naming {@code file:line:column}.
     */
    public static Read read(Path file) {
        String text = TextFile.read(file, MAX_BYTES);
        String[] lines = text.split("\\r?\\n", -1);
        double startTime = 0;
        List<byte[]> seconds = new ArrayList<>();
        int last = -1;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || line.startsWith("\"")) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("#[StartTime: ")) {
                    String number = line.substring("#[StartTime: ".length()).split("[ \\]]", 2)[0];
                    startTime = number(number, file, n + 1, "#[StartTime: ".length() + 1, "StartTime");
                }
                continue;
            }
            String[] cells = line.split(",", -1);
            int first = cells[0].startsWith("Tag=") ? 1 : 0;
            if (cells.length != first + 4) {
                throw new InvalidInputException("a latency.hlog interval line must be start,length,max,histogram but had "
                        + (cells.length - first) + " cells: " + Excerpt.quoted(line) + " (" + file + ":" + (n + 1) + ":1)");
            }
            int column = first == 1 ? cells[0].length() + 2 : 1;
            double start = number(cells[first], file, n + 1, column, "an interval's start");
            double length = number(cells[first + 1], file, n + 1, column + cells[first].length() + 1, "an interval's length");
            double relative = start < startTime - ONE_YEAR_SECONDS ? start : start - startTime;
            long second = Math.round(relative);
            if (Math.abs(relative - second) > 0.0015 || second < 0 || second > Integer.MAX_VALUE - 1) {
                throw new InvalidInputException("a latency.hlog interval must start a whole second after StartTime (one interval"
                        + " per intended second) but started at " + Excerpt.of(cells[first]) + " (" + file + ":" + (n + 1) + ":"
                        + column + ")");
            }
            if (Math.abs(length - 1) > 0.0015) {
                throw new InvalidInputException("a latency.hlog interval must last 1.000 s but lasted " + Excerpt.of(cells[first + 1])
                        + " (" + file + ":" + (n + 1) + ":" + (column + cells[first].length() + 1) + ")");
            }
            if (second <= last) {
                throw new InvalidInputException("a latency.hlog's intervals must be in increasing seconds without repeats, so"
                        + " this one must be after second " + last + " but was second " + second + " (" + file + ":" + (n + 1)
                        + ":" + column + ")");
            }
            if (second >= 7L * 24 * 3600 * 4) {
                throw new InvalidInputException("a latency.hlog interval must be within 28 days of StartTime but was second "
                        + second + " (" + file + ":" + (n + 1) + ":" + column + ")");
            }
            byte[] h = decode(cells[first + 3], file, n + 1, line.length() - cells[first + 3].length() + 1);
            while (seconds.size() < second) {
                seconds.add(null);
            }
            seconds.add(h);
            last = (int) second;
        }
        return new Read(Math.round(startTime * 1000), seconds);
    }

    /** The largest value and precision a log's histogram may declare, so a crafted line cannot make the reader allocate without bound. */
    private static final long MAX_HIGHEST_MICROS = 1_000_000_000_000L;
    private static final int MAX_DIGITS = 3;

    /**
     * Reads the header of the deflated histogram (HdrHistogram's V2 encoding: cookie, payload length,
     * normalizing offset, significant digits, lowest and highest trackable value) before decoding it.
     */
    private static void checkHeader(byte[] compressed, Path file, int line, int column) throws DataFormatException {
        if (compressed.length < 8) {
            throw new DataFormatException("too short");
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(compressed, 8, compressed.length - 8);
            byte[] header = new byte[32];
            int n = 0;
            while (n < header.length && !inflater.finished()) {
                int got = inflater.inflate(header, n, header.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n < header.length) {
                throw new DataFormatException("truncated header");
            }
            ByteBuffer b = ByteBuffer.wrap(header);
            int digits = b.getInt(12);
            long highest = b.getLong(24);
            if (digits < 0 || digits > MAX_DIGITS || highest < 2 || highest > MAX_HIGHEST_MICROS) {
                throw new InvalidInputException("a latency.hlog histogram must track at most " + MAX_HIGHEST_MICROS + " us with at"
                        + " most " + MAX_DIGITS + " significant digits but declared " + highest + " us and " + digits + " digits ("
                        + file + ":" + line + ":" + column + ")");
            }
        } finally {
            inflater.end();
        }
    }

    private static double number(String cell, Path file, int line, int column, String what) {
        String c = cell.strip();
        if (c.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return Double.parseDouble(c);
        }
        throw new InvalidInputException("a latency.hlog's " + what + " must be seconds >= 0 but was " + Excerpt.quoted(cell) + " ("
                + file + ":" + line + ":" + column + ")");
    }

    /** The compressed histogram's bytes, checked to decode. */
    private static byte[] decode(String base64, Path file, int line, int column) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            checkHeader(bytes, file, line, column);
            Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            return bytes;
        } catch (IllegalArgumentException | DataFormatException | java.nio.BufferUnderflowException
                | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException("a latency.hlog interval must end with a base64 compressed HdrHistogram but did not ("
                    + Excerpt.of(String.valueOf(e.getMessage())) + ") (" + file + ":" + line + ":" + column + ")", e);
        }
    }
}
