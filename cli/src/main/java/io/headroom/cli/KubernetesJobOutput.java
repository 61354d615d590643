package io.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.headroom.loadgen.kubernetes.InjectorJob;
import io.headroom.planner.InvalidInputException;
import io.headroom.planner.TextFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code loadtest --kubernetes-job N}: writes the manifest of an Indexed Job whose pods run the
 * load test's N segments (it applies nothing), and says how to run it end to end.
 */
final class KubernetesJobOutput {
    /** Keys whose value names a side file the pods would not have. */
    private static final List<String> SIDE_FILE_KEYS = List.of("trace", "file", "bodyFile");

    private KubernetesJobOutput() {
    }

    /**
     * Writes {@code dir/job.yaml} for {@code injectors} pods running {@code headroom loadtest
     * SCENARIO} with {@code loadtestArgs}; returns the file.
     */
    static Path write(Path scenarioFile, int injectors, String image, Instant startAt, List<String> loadtestArgs, Path dir,
            PrintWriter out) {
        String text = TextFile.read(scenarioFile, 1024 * 1024 - 4096);
        List<String> sideFiles = sideFiles(text);
        if (!sideFiles.isEmpty()) {
            throw new InvalidInputException("--kubernetes-job ships only the scenario file to the pods (in a ConfigMap), but it"
                    + " names side files (" + String.join(", ", sideFiles) + "): inline them, or build them into the image"
                    + " and run the pods' command yourself (" + scenarioFile + ")");
        }
        String name = InjectorJob.nameOf(Names.stem(scenarioFile));
        InjectorJob job = new InjectorJob(name, injectors, image, "scenario" + extension(scenarioFile), text, loadtestArgs);
        Path file = dir.resolve("job.yaml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "# headroom loadtest --kubernetes-job " + injectors + ": " + injectors + " injectors begin at "
                    + startAt + "; apply before then (kubectl apply -f job.yaml)\n" + job.yaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
        out.printf("Wrote %s: ConfigMap %s-scenario, PersistentVolumeClaim %s-results (ReadWriteMany), Indexed Job %s"
                + " (%d pods, image %s), Pod %s-collect%n", file, name, name, name, injectors, image, name);
        out.printf("The %d injectors begin together at %s. Then:%n", injectors, startAt);
        out.printf("  kubectl apply -f %s%n", file);
        out.printf("  kubectl wait --for=condition=complete --timeout=2h job/%s%n", name);
        out.printf("  kubectl cp %s-collect:%s results%n", name, InjectorJob.RESULTS_DIR);
        StringBuilder merge = new StringBuilder("  headroom merge");
        for (int i = 0; i < injectors && i < 8; i++) {
            merge.append(" results/").append(i);
        }
        out.println(merge.append(injectors > 8 ? " ... results/" + (injectors - 1) : "").append(" --out merged"));
        out.flush();
        return file;
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? ".json" : ".yaml";
    }

    /** The side files a scenario names (trace, empirical samples, request.bodyFile). */
    static List<String> sideFiles(String text) {
        List<String> found = new ArrayList<>();
        try {
            for (Iterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(text); docs.hasNext();) {
                walk(docs.next(), found);
            }
        } catch (IOException | RuntimeException e) {
            // the scenario was loaded and validated before; a file that loads but does not parse here names no side file
        }
        return found;
    }

    private static void walk(JsonNode node, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SIDE_FILE_KEYS.contains(e.getKey()) && e.getValue().isTextual()) {
                    found.add(e.getKey() + ": " + io.headroom.planner.Excerpt.of(e.getValue().asText()));
                } else {
                    walk(e.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, found));
        }
    }
}
