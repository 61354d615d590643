package io.headroom.cli;

import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.cluster.NodePool;
import io.headroom.planner.cluster.Resources;
import io.headroom.planner.dist.LognormalDistribution;
import io.headroom.planner.scenario.CpuUsage;
import io.headroom.planner.sizing.HumanFormat;
import io.headroom.planner.sizing.ScenarioSizing;
import io.headroom.planner.sizing.Sizer;
import io.headroom.planner.sizing.SizingQuery;
import io.headroom.planner.sizing.SizingResult;
import io.headroom.planner.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code headroom size}: replicas (and nodes) for a target rate. Parses, calls {@link Sizer}, prints. */
@Command(name = "size", mixinStandardHelpOptions = true, sortOptions = false,
        header = "How many replicas (and nodes) a target request rate needs.",
        description = {
            "Computes the replica count by Azure ML's documented rule",
            "  replicas = ceil(rps * latency / utilization / concurrency),",
            "then checks it with queueing theory, treating the replicas' concurrency slots as the servers of one queue fed by Poisson arrivals: the offered load (Erlangs), utilization, the Erlang C probability of waiting, the mean and p99 router queue wait and the fraction of requests rejected with 503 because they would wait longer than --max-wait (M/M/c+D, Boots & Tijms 1999, with the Allen-Cunneen scaling for the service time's spread, --cv or --p99). No request waits longer than --max-wait, so neither does the p99.",
            "",
            "With --slo-503 and/or --slo-p99 it finds the smallest replica count that meets them and says which one binds. With --node-pool it places the recommended count (the SLO count if an SLO is given) on the node pools, filled in order, and prints kube-scheduler's message when they do not fit; for a pool with a MAX, the nodes the peak needs and how long the cluster autoscaler's scale-up from COUNT takes.",
            ""},
        footer = {"",
            "Examples:",
            "  headroom size --rps 20 --latency 10s --utilization 0.7",
            "  headroom size --rps 20 --latency 2s --p99 6s --slo-503 0.001",
            "  headroom size --rps 20 --latency 10s --slo-503 0.001 --cpu 1 --memory-gb 2 --gpu 1 --node-pool gpu:3:6:56:1",
            "",
            "Durations carry a unit: 250ms, 10s, 1.5s, 5m. In JSON output every duration is a number of seconds and every fraction is in [0, 1]."})
final class SizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rps", required = true, paramLabel = "RPS",
            description = "Target request rate, requests per second (> 0).")
    double rps;

    @Option(names = "--latency", required = true, paramLabel = "DURATION",
            description = "Mean time a replica spends serving one request (> 0), like 10s or 250ms.")
    Duration latency;

    @Option(names = "--utilization", defaultValue = "0.7", paramLabel = "FRACTION",
            description = "Autoscaler target utilization, in (0, 1]. Default: ${DEFAULT-VALUE}.")
    double utilization;

    @Option(names = "--hpa-target", paramLabel = "METRIC=VALUE",
            description = "Size for a Kubernetes HPA's metric target instead of --utilization: cpu=0.6 (a fraction of --cpu, each busy slot using --cpu / --concurrency cores), concurrency=3 (in flight per pod), rps=20 or external=20 (requests per second per pod). Prints the slot utilization it implies.")
    String hpaTarget;

    @Option(names = "--concurrency", defaultValue = "1", paramLabel = "N",
            description = "Requests one replica serves at once (replica_max_concurrent_requests), >= 1. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--max-wait", defaultValue = "500ms", paramLabel = "DURATION",
            description = "Router queue wait after which a request gets 503 (max_request_wait_time); 0s rejects"
                    + " whenever no slot is free. Default: ${DEFAULT-VALUE}.")
    Duration maxWait;

    @Option(names = "--cv", defaultValue = "1.0", paramLabel = "CV",
            description = "Coefficient of variation of the service time (stddev / mean): 1 exponential, 0 constant, >= 0."
                    + " Default: ${DEFAULT-VALUE}. Or give --p99 instead.")
    double cv;

    @Option(names = "--p99", paramLabel = "DURATION",
            description = "Service-time p99 instead of --cv, e.g. --latency 2s --p99 6s: the service time is the lognormal with"
                    + " mean --latency and this p99, as a scenario's serviceTime {distribution: lognormal, mean: 2s, p99: 6s}"
                    + " is, and its cv is used. Above --latency and at most about 15 times it.")
    Duration p99;

    @Option(names = "--slo-503", paramLabel = "FRACTION",
            description = "Largest acceptable fraction of requests rejected with 503, in [0, 1), e.g. 0.001 for 0.1%%.")
    Double slo503;

    @Option(names = "--slo-p99", paramLabel = "DURATION",
            description = "Largest acceptable p99 of the router queue wait (time before a replica picks the request up;"
                    + " the part of latency replicas can change), e.g. 2s.")
    Duration sloP99;

    @Option(names = "--cpu", defaultValue = "1", paramLabel = "CORES",
            description = "CPU cores one replica requests, >= 0. Default: ${DEFAULT-VALUE}.")
    double cpu;

    @Option(names = "--memory-gb", defaultValue = "2", paramLabel = "GB",
            description = "Memory one replica requests, GB, >= 0. Default: ${DEFAULT-VALUE}.")
    double memoryGb;

    @Option(names = "--gpu", defaultValue = "0", paramLabel = "GPUS",
            description = "Whole GPUs (nvidia.com/gpu) one replica requests, >= 0. Default: ${DEFAULT-VALUE}.")
    int gpu;

    @Option(names = "--node-pool", paramLabel = "POOL", converter = NodePoolConverter.class,
            description = "A node pool as " + NodePoolConverter.FORMAT + ": name, node count, and allocatable CPU cores,"
                    + " memory GB and GPUs per node,"
                    + " e.g. gpu:3:6:56:1. Add MAX for a pool the cluster autoscaler grows and PROVISIONING for how long a new"
                    + " node takes (gpu:3:6:56:1:12:5m): size then says how many nodes the peak needs and how long the scale-up"
                    + " takes. Repeat for several pools; they are filled in the order given.")
    List<NodePool> nodePools = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        SizingQuery query = query();
        SizingResult result = Sizer.size(query);
        var out = spec.commandLine().getOut();
        if (hpaTarget != null && format != OutputFormat.json) {
            out.println("hpa target " + hpaTarget + " keeps " + HumanFormat.percent(query.targetUtilization())
                    + " of each replica's slots busy: sized at target utilization " + HumanFormat.plain(query.targetUtilization()));
        }
        if (format == OutputFormat.json) {
            out.println(SizeJson.render(result, p99));
        } else {
            out.print(SizeTable.render(result, p99));
        }
        out.flush();
        return ExitCode.OK;
    }

    private SizingQuery query() {
        require(rps > 0 && Double.isFinite(rps), "--rps must be > 0 (requests per second) but was " + shown(rps));
        require(!latency.isZero(), "--latency must be > 0 but was 0s");
        require(utilization > 0 && utilization <= 1, "--utilization must be in (0, 1] but was " + shown(utilization));
        require(concurrency >= 1, "--concurrency must be >= 1 but was " + concurrency);
        require(cv >= 0 && Double.isFinite(cv), "--cv must be a number >= 0 but was " + shown(cv));
        require(slo503 == null || slo503 >= 0 && slo503 < 1,
                "--slo-503 must be a fraction in [0, 1), e.g. 0.001 for 0.1%, but was " + (slo503 == null ? "" : shown(slo503)));
        require(cpu >= 0 && Double.isFinite(cpu), "--cpu must be >= 0 (cores) but was " + shown(cpu));
        require(memoryGb >= 0 && Double.isFinite(memoryGb), "--memory-gb must be >= 0 (GB) but was " + shown(memoryGb));
        require(gpu >= 0, "--gpu must be a whole number >= 0 but was " + gpu);
        NodePoolConverter.firstRepeatedName(nodePools).ifPresent(name -> require(false,
                "--node-pool names must be unique (as in a scenario's cluster.nodePools) but '" + name + "' was repeated"));
        double serviceCv = p99 == null ? cv : fittedCv();
        double target = hpaTarget == null ? utilization : hpaUtilization();
        return new SizingQuery(rps, latency, target, concurrency, maxWait, serviceCv, slo503, sloP99,
                new Resources(cpu, memoryGb, gpu), nodePools);
    }

    /** The slot utilization {@code --hpa-target} implies (the same rule the scenario's sizing uses for an hpa). */
    private double hpaUtilization() {
        require(!spec.commandLine().getParseResult().hasMatchedOption("--utilization"), "--utilization and --hpa-target both set the"
                + " target: give one of them");
        String[] parts = hpaTarget.split("=", 2);
        HpaMetric.Type type = parts.length == 2 ? java.util.Arrays.stream(HpaMetric.Type.values())
                .filter(t -> t.key().equals(parts[0].strip())).findFirst().orElse(null) : null;
        double value;
        try {
            value = parts.length == 2 ? Double.parseDouble(parts[1].strip()) : Double.NaN;
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        require(type != null && value > 0 && Double.isFinite(value), "--hpa-target must be METRIC=VALUE with METRIC one of cpu,"
                + " concurrency, rps, external and VALUE > 0, e.g. concurrency=3, but was '" + hpaTarget + "'");
        require(type != HpaMetric.Type.CPU || cpu > 0, "--hpa-target cpu=... needs --cpu > 0 (utilization is a share of the request)");
        double u = ScenarioSizing.slotUtilization(new HpaMetric(type, value), concurrency, Durations.seconds(latency), cpu,
                CpuUsage.fullRequest(cpu, concurrency));
        require(u > 0 && u <= 1, "--hpa-target " + hpaTarget + " keeps " + HumanFormat.percent(u) + " of a replica's slots busy;"
                + " it must be in (0 %, 100 %] to size for it");
        return u;
    }

    /** The cv of the lognormal with mean --latency and p99 --p99: the scenario's own fit, not a second copy of it. */
    private double fittedCv() {
        require(!spec.commandLine().getParseResult().hasMatchedOption("--cv"), "--cv and --p99 both describe the service time's"
                + " spread: give one of them");
        try {
            return LognormalDistribution.fromMeanAndP99(latency, p99).cv();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--p99 " + Durations.format(p99) + " with --latency "
                    + Durations.format(latency) + ": " + e.getMessage());
        }
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private static String shown(double value) {
        return Double.isFinite(value) ? HumanFormat.plain(value) : String.valueOf(value);
    }
}
