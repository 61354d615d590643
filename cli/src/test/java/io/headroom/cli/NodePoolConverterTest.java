package io.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.headroom.planner.cluster.NodePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class NodePoolConverterTest {
    @Test
    void readsAllFiveFields() {
        assertEquals(new NodePool("gpu", 3, 6, 56, 1), new NodePoolConverter().convert("gpu:3:6:56:1"));
        assertEquals(new NodePool("d4", 10, 3.86, 12.5, 0), new NodePoolConverter().convert("d4:10:3.86:12.5:0"));
    }

    @Test
    void readsAMaxAndAProvisioningTime() {
        NodePool p = new NodePoolConverter().convert("gpu:3:6:56:1:12:5m");
        assertEquals(3, p.min());
        assertEquals(12, p.max());
        assertEquals(java.time.Duration.ofMinutes(5), p.provisioning().orElseThrow().mean());
        assertEquals(12, new NodePoolConverter().convert("gpu:3:6:56:1:12").max());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gpu:x:6:56:1 | 'gpu:x:6:56:1': COUNT must be a whole number >= 0 but was 'x' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:6 | 'gpu:3:6': expected 5 to 7 fields separated by ':' but found 3 (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        ":3:6:56:1 | ':3:6:56:1': NAME must not be empty (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:-6:56:1 | 'gpu:3:-6:56:1': CPU must be a number >= 0 (cores) but was '-6' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:6:lots:1 | 'gpu:3:6:lots:1': MEMGB must be a number >= 0 (GB) but was 'lots' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:6:56:1:2 | 'gpu:3:6:56:1:2': MAX must be >= COUNT (3) but was '2' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:6:56:1:12:5 | 'gpu:3:6:56:1:12:5': PROVISIONING must be a duration > 0s with a unit, e.g. 5m, but was '5' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])",
        "gpu:3:6:56:0.5 | 'gpu:3:6:56:0.5': GPU must be a whole number >= 0 but was '0.5' (format NAME:COUNT:CPU:MEMGB:GPU[:MAX[:PROVISIONING]])"})
    void namesTheBadField(String value, String message) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new NodePoolConverter().convert(value));
        assertEquals(message, e.getMessage());
    }
}
