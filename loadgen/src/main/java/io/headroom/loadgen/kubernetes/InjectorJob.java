package io.headroom.loadgen.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The manifest that runs one load test on N injector pods: a ConfigMap with the scenario file, a
 * PersistentVolumeClaim for the results, an Indexed Job (batch/v1; {@code completionMode: Indexed},
 * {@code completions = parallelism = N}, {@code backoffLimit: 0}, {@code restartPolicy: Never}, a
 * {@code podFailurePolicy} that fails the whole Job when an injector is evicted or preempted —
 * condition {@code DisruptionTarget} — because a replacement would start late and resend its
 * segment), and a collector pod that mounts the results so they can be copied out.
 *
 * <p>Pod {@code JOB_COMPLETION_INDEX} (set by Kubernetes for Indexed Jobs) runs
 * {@code headroom loadtest $HEADROOM_SCENARIO --segment $JOB_COMPLETION_INDEX/N --start-at T
 * --out $HEADROOM_RESULTS/$JOB_COMPLETION_INDEX} through {@code sh -c}; an SLO miss (exit 4) is the
 * merge's verdict to make, so the pod succeeds on it. Facts: Kubernetes Job docs
 * (kubernetes.io/docs/tasks/job/pod-failure-policy; Indexed Jobs GA in 1.24, podFailurePolicy GA
 * in 1.31), summarised in the calibration-import-distributed note §3.3.
 *
 * @param name the Job's name (a DNS-1123 label, derived from the scenario file)
 * @param injectors N
 * @param image the container image with {@code headroom} on its PATH
 * @param scenarioFileName the scenario file's name, as mounted
 * @param scenarioText the scenario file's text, put into the ConfigMap
 * @param loadtestArgs the arguments after {@code headroom loadtest SCENARIO} every pod passes (target, start, options)
 */
public record InjectorJob(String name, int injectors, String image, String scenarioFileName, String scenarioText,
        List<String> loadtestArgs) {
    /** Where the pods mount the scenario's ConfigMap. */
    public static final String SCENARIO_DIR = "/etc/headroom";
    /** Where the pods mount the results volume; pod I writes into RESULTS_DIR/I. */
    public static final String RESULTS_DIR = "/results";
    /** The container's name, which the pod failure policy names. */
    public static final String CONTAINER = "headroom";

    public InjectorJob {
        loadtestArgs = List.copyOf(loadtestArgs);
    }

    /** A DNS-1123 label from a file's stem: lower case, [a-z0-9-], at most 52 characters (room for suffixes). */
    public static String nameOf(String stem) {
        String s = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        s = s.isEmpty() ? "loadtest" : s;
        s = "headroom-" + s;
        return s.length() > 52 ? s.substring(0, 52).replaceAll("-+$", "") : s;
    }

    /** The shell script each pod runs (its {@code sh -c} argument). */
    public String podScript() {
        StringBuilder line = new StringBuilder("headroom loadtest \"$HEADROOM_SCENARIO\"");
        for (String a : loadtestArgs) {
            line.append(' ').append(quote(a));
        }
        line.append(" --segment \"$JOB_COMPLETION_INDEX/").append(injectors).append('"');
        line.append(" --out \"$HEADROOM_RESULTS/$JOB_COMPLETION_INDEX\"");
        return String.join("\n", "set -u", line.toString(), "rc=$?",
                "# an SLO miss (4) is for 'headroom merge' to report; any other failure fails the pod, and so the Job",
                "if [ \"$rc\" -eq 4 ]; then exit 0; fi", "exit \"$rc\"", "");
    }

    /** The manifest: four YAML documents (ConfigMap, PersistentVolumeClaim, Job, collector Pod). */
    public String yaml() {
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder().enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        StringBuilder out = new StringBuilder();
        try {
            for (Map<String, Object> doc : List.of(configMap(), claim(), job(), collector())) {
                out.append(mapper.writeValueAsString(doc));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
        return out.toString();
    }

    private Map<String, Object> configMap() {
        return map("apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata(name + "-scenario"),
                "data", map(scenarioFileName, scenarioText));
    }

    private Map<String, Object> claim() {
        return map("apiVersion", "v1", "kind", "PersistentVolumeClaim", "metadata", metadata(name + "-results"),
                "spec", map("accessModes", List.of("ReadWriteMany"), "resources", map("requests", map("storage", "1Gi"))));
    }

    private Map<String, Object> job() {
        Map<String, Object> container = map("name", CONTAINER, "image", image, "command", List.of("sh", "-c", podScript()),
                "env", List.of(map("name", "HEADROOM_SCENARIO", "value", SCENARIO_DIR + "/" + scenarioFileName),
                        map("name", "HEADROOM_RESULTS", "value", RESULTS_DIR)),
                "resources", map("requests", map("cpu", "2", "memory", "2Gi")),
                "volumeMounts", List.of(map("name", "scenario", "mountPath", SCENARIO_DIR, "readOnly", true),
                        map("name", "results", "mountPath", RESULTS_DIR)));
        Map<String, Object> antiAffinity = map("podAntiAffinity", map("preferredDuringSchedulingIgnoredDuringExecution",
                List.of(map("weight", 100, "podAffinityTerm", map("topologyKey", "kubernetes.io/hostname",
                        "labelSelector", map("matchLabels", map("app.kubernetes.io/instance", name)))))));
        Map<String, Object> pod = map("metadata", map("labels", labels()),
                "spec", map("restartPolicy", "Never", "affinity", antiAffinity, "containers", List.of(container),
                        "volumes", List.of(map("name", "scenario", "configMap", map("name", name + "-scenario")),
                                map("name", "results", "persistentVolumeClaim", map("claimName", name + "-results")))));
        List<Object> rules = new ArrayList<>();
        // an evicted or preempted injector invalidates the run: its replacement would start late and resend its segment
        rules.add(map("action", "FailJob", "onPodConditions", List.of(map("type", "DisruptionTarget"))));
        rules.add(map("action", "FailJob", "onExitCodes", map("containerName", CONTAINER, "operator", "NotIn", "values", List.of(0))));
        return map("apiVersion", "batch/v1", "kind", "Job", "metadata", metadata(name),
                "spec", map("completionMode", "Indexed", "completions", injectors, "parallelism", injectors, "backoffLimit", 0,
                        "podFailurePolicy", map("rules", rules), "template", pod));
    }

    private Map<String, Object> collector() {
        Map<String, Object> container = map("name", "collect", "image", "busybox:1.36", "command", List.of("sleep", "86400"),
                "volumeMounts", List.of(map("name", "results", "mountPath", RESULTS_DIR, "readOnly", true)));
        return map("apiVersion", "v1", "kind", "Pod", "metadata", metadata(name + "-collect"),
                "spec", map("restartPolicy", "Never", "activeDeadlineSeconds", 86400, "containers", List.of(container),
                        "volumes", List.of(map("name", "results", "persistentVolumeClaim", map("claimName", name + "-results")))));
    }

    private Map<String, Object> metadata(String objectName) {
        return map("name", objectName, "labels", labels());
    }

    private Map<String, Object> labels() {
        return map("app.kubernetes.io/name", "headroom", "app.kubernetes.io/instance", name);
    }

    /** Single-quotes a word for sh: 'it'\''s'. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

}
