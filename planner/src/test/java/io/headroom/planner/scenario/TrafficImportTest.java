package io.headroom.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.headroom.planner.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each monitoring format imports with its requests preserved exactly (the total is the rounded sum
 * of what the values stand for, computed here from the generated data, not pinned), its resolution
 * read from the timestamps, and each malformed case fails with one line naming {@code file:line}.
 * Line numbers are counted from the generated text: one sample per line, after a fixed preamble.
 */
class TrafficImportTest {
    private static final long T0 = 1_700_000_000L;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static TrafficImport.Imported read(Path file, String values) {
        return TrafficImport.read(file, Optional.ofNullable(values), Optional.empty(), null, null, 1);
    }

    /** A Prometheus response: lines 1-3 of preamble, each series a line, then one sample per line (series 0 sample i on line 5 + i). */
    private static String prometheus(List<double[]> series, long stepSeconds) {
        StringBuilder s = new StringBuilder("{\"status\": \"success\",\n \"data\": {\"resultType\": \"matrix\",\n  \"result\": [\n");
        for (int k = 0; k < series.size(); k++) {
            s.append("{\"metric\": {\"pod\": \"p").append(k).append("\"}, \"values\": [\n");
            double[] v = series.get(k);
            for (int i = 0; i < v.length; i++) {
                s.append(String.format(Locale.ROOT, "[%d.000, \"%s\"]%s\n", T0 + i * stepSeconds, Double.toString(v[i]),
                        i + 1 < v.length ? "," : ""));
            }
            s.append("]}").append(k + 1 < series.size() ? ",\n" : "\n");
        }
        return s.append("]}}\n").toString();
    }

    private static double[] rates(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.round(random.nextDouble(0, 40) * 1000) / 1000.0;
        }
        return v;
    }

    @Test
    void prometheusRatesOfTwoSeriesAreSummedWithTheirRequestsPreservedExactly() throws IOException {
        double[] a = rates(1, 240);
        double[] b = rates(2, 240);
        TrafficImport.Imported imported = read(write("p.json", prometheus(List.of(a, b), 15)), "rates");
        double expected = 0;
        for (int i = 0; i < a.length; i++) {
            expected += (a[i] + b[i]) * 15;
        }
        assertEquals(Math.round(expected), imported.total());
        assertEquals(Duration.ofSeconds(15), imported.trace().resolution(), "the resolution is the samples' spacing");
        assertEquals(Optional.of(Instant.ofEpochSecond(T0)), imported.start());
        assertEquals(240, imported.counts().size());
        assertEquals("Prometheus query_range JSON", imported.format());
        for (int i = 0; i < a.length; i++) {
            assertEquals((a[i] + b[i]) * 15, imported.counts().get(i), 1.0, "no bucket is off by more than one request");
        }
    }

    @Test
    void prometheusIncreaseCountsKeepTheirSumAndTheirMinuteResolution() throws IOException {
        double[] v = {120, 60, 0, 33, 7};
        TrafficImport.Imported imported = read(write("p.json", prometheus(List.of(v), 60)), "counts");
        assertEquals(List.of(120, 60, 0, 33, 7), imported.counts());
        assertEquals(Duration.ofMinutes(1), imported.trace().resolution());
    }

    @Test
    void grafanaSemicolonCrlfWithSepLineAndDecimalCommaReadsRates() throws IOException {
        StringBuilder s = new StringBuilder("sep=;\r\n\"Time\";\"rate\"\r\n");
        double[] v = rates(3, 100);
        double expected = 0;
        for (int i = 0; i < v.length; i++) {
            s.append((T0 + i * 5) * 1000).append(';').append(Double.toString(v[i]).replace('.', ',')).append("\r\n");
            expected += v[i] * 5;
        }
        TrafficImport.Imported imported = read(write("g.csv", s.toString()), "rates");
        assertEquals(Math.round(expected), imported.total());
        assertEquals(Duration.ofSeconds(5), imported.trace().resolution());
        assertEquals(Optional.of(Instant.ofEpochSecond(T0)), imported.start());
        assertEquals("timestamp/value CSV", imported.format());
    }

    @Test
    void grafanaCommaCsvWithFormattedTimesAndTwoJoinedSeriesReadsCounts() throws IOException {
        String text = "\"Time\",\"2xx\",\"5xx\"\n\"2024-03-04 08:45:00\",10,1\n\"2024-03-04 08:46:00\",12,0\n"
                + "\"2024-03-04 08:47:00\",9,3\n";
        TrafficImport.Imported imported = read(write("g.csv", text), "counts");
        assertEquals(List.of(11, 12, 12), imported.counts());
        assertEquals(Duration.ofMinutes(1), imported.trace().resolution());
        assertEquals(Optional.of(Instant.parse("2024-03-04T08:45:00Z")), imported.start());
    }

    /** An Azure Monitor export: lines 1-4 of preamble, one data point per line from line 5 on. */
    private static String azure(List<String> points, String interval) {
        return "{\"cost\": 0, \"interval\": \"" + interval + "\",\n \"value\": [{\"name\": {\"value\": \"RequestsPerMinute\"},\n"
                + "  \"unit\": \"Count\", \"timeseries\": [{\"metadatavalues\": [],\n   \"data\": [\n" + String.join(",\n", points)
                + "\n]}]}]}\n";
    }

    @Test
    void azureRequestsPerMinuteTotalsAreTheCountsOfEachMinute() throws IOException {
        List<String> points = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < 60; i++) {
            int total = (i * 37) % 500;
            expected += total;
            points.add("{\"timeStamp\": \"" + Instant.ofEpochSecond(T0 + 60L * i) + "\", \"total\": " + total + ".0}");
        }
        TrafficImport.Imported imported = read(write("a.json", azure(points, "PT1M")), null);
        assertEquals(expected, imported.total());
        assertEquals(Duration.ofMinutes(1), imported.trace().resolution());
        assertEquals("Azure Monitor RequestsPerMinute JSON", imported.format());
    }

    @Test
    void azureAveragesAtFiveMinuteGrainAreRequestsPerMinuteTimesFive() throws IOException {
        List<String> points = List.of("{\"timeStamp\": \"2024-03-04T08:45:00Z\", \"average\": 10.5}",
                "{\"timeStamp\": \"2024-03-04T08:50:00Z\", \"average\": 3}");
        TrafficImport.Imported imported = read(write("a.json", azure(points, "PT5M")), null);
        assertEquals(List.of(53, 15), imported.counts(), "52.5 rounds up, carried: 67.5 -> 68 in all");
        assertEquals(Duration.ofMinutes(5), imported.trace().resolution());
    }

    @Test
    void slicingAndScalingFollowTheTraceRules() throws IOException {
        double[] v = {10, 20, 30, 40};
        Path file = write("p.json", prometheus(List.of(v), 60));
        TrafficImport.Imported imported = TrafficImport.read(file, Optional.of("counts"), Optional.empty(), Duration.ofMinutes(1),
                Duration.ofMinutes(3), 1.5);
        assertEquals(List.of(30, 45), imported.counts());
        assertEquals(Optional.of(Instant.ofEpochSecond(T0 + 60)), imported.start());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrafficImport.read(file, Optional.of("counts"),
                Optional.empty(), Duration.ofSeconds(30), null, 1));
        assertTrue(e.getMessage().contains("--from must be a whole number of buckets (1m)"), e.getMessage());
    }

    @Test
    void theCanonicalCsvReadsBackAsTheSameTrace() throws IOException {
        double[] v = rates(4, 30);
        TrafficImport.Imported imported = read(write("p.json", prometheus(List.of(v), 10)), "rates");
        Path out = write("trace.csv", TrafficImport.csv(imported));
        TrafficImport.Imported back = read(out, null);
        assertEquals(imported.counts(), back.counts());
        assertEquals(Duration.ofSeconds(10), back.trace().resolution());
        assertEquals("CSV of counts", back.format());
    }

    /** A malformed file: its name, text, the --values given, the location its message must name, and a fragment. */
    record Bad(String file, String text, String values, String where, String fragment) {
    }

    private static Arguments bad(String name, String file, String text, String values, String where, String fragment) {
        return Arguments.of(Named.of(name, new Bad(file, text, values, where, fragment)));
    }

    static Stream<Arguments> malformed() {
        double[] v = {1, 2, 3, 4, 5};
        String good = prometheus(List.of(v), 15);
        List<String> azurePoints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            azurePoints.add("{\"timeStamp\": \"" + Instant.ofEpochSecond(T0 + 60L * i) + "\", \"total\": 5}");
        }
        List<String> azureGap = new ArrayList<>(azurePoints);
        azureGap.set(2, "{\"timeStamp\": \"" + Instant.ofEpochSecond(T0 + 120) + "\"}");
        List<String> azureSkip = new ArrayList<>(azurePoints);
        azureSkip.remove(2);
        return Stream.of(
                bad("prometheus gap", "p.json", good.replace("[" + (T0 + 30) + ".000, \"3.0\"],\n", ""), "rates", "p.json:7:2",
                        "must have no gaps"),
                bad("prometheus out of order", "p.json", good.replace("[" + (T0 + 30) + ".000", "[" + (T0 + 10) + ".000"), "rates",
                        "p.json:7:2", "must be in time order"),
                bad("prometheus NaN", "p.json", good.replace("\"3.0\"", "\"NaN\""), "rates", "p.json:7:2", "NaN, a gap"),
                bad("prometheus value not a string", "p.json", good.replace("\"3.0\"", "3.0"), "rates", "p.json:7:18",
                        "must be the sample's value as a string"),
                bad("prometheus error status", "p.json", good.replace("\"success\"", "\"error\""), "rates", "p.json:1:12",
                        "status must be \"success\""),
                bad("prometheus without --values", "p.json", good, null, "p.json", "--values is required"),
                bad("prometheus series on different grids", "p.json", prometheus(List.of(v, new double[] {1, 2}), 15), "rates",
                        "p.json:12:2", "must share one time grid"),
                bad("grafana gap", "g.csv", "\"Time\";\"rate\"\r\n1000;1\r\n2000;1\r\n4000;1\r\n", "rates", "g.csv:4:1",
                        "must have no gaps"),
                bad("grafana out of order", "g.csv", "\"Time\";\"rate\"\r\n1000;1\r\n2000;1\r\n1500;1\r\n", "rates", "g.csv:4:1",
                        "must be in time order"),
                bad("grafana null value", "g.csv", "sep=,\r\n\"Time\",\"rate\"\r\n1000,1\r\n2000,\r\n", "rates", "g.csv:4:6",
                        "this value is empty"),
                bad("grafana second frame", "g.csv", "\"Time\";\"a\"\n1000;1\n2000;1\n\n\"Time\";\"b\"\n1000;1\n", "rates",
                        "g.csv:5:1", "must hold one frame"),
                bad("grafana text value", "g.csv", "\"Time\";\"rate\"\n1000;1\n2000;lots\n", "rates", "g.csv:3:6",
                        "values must be numbers"),
                bad("grafana sub-second spacing", "g.csv", "\"Time\";\"rate\"\n1000;1\n1500;1\n", "rates", "g.csv:3:1",
                        "whole number of seconds"),
                bad("azure point without its total", "a.json", azure(azureGap, "PT1M"), null, "a.json:7:", "must have no gaps"),
                bad("azure missing minute", "a.json", azure(azureSkip, "PT1M"), null, "a.json:7:", "2 missing".replace("2", "1")),
                bad("azure without RequestsPerMinute", "a.json", azure(azurePoints, "PT1M").replace("RequestsPerMinute",
                        "RequestLatency"), null, "a.json:2:", "must hold the metric RequestsPerMinute"),
                bad("json of neither format", "x.json", "[1, 2, 3]\n", null, "x.json:1:1", "a JSON trace must be"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachMalformedCaseIsOneLocatedLine(Bad c) throws IOException {
        Path file = write(c.file(), c.text());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file, c.values()));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains(c.fragment()), message);
        assertTrue(message.contains(dir.resolve(c.where()).toString()) || message.contains(file + ":" + c.where().substring(
                c.where().indexOf(':') + 1)) || c.where().indexOf(':') < 0 && message.contains(file.toString()), message);
    }
}
