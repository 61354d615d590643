package io.headroom.planner.replay;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaController;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaReplicaCalculator;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.KnativePolicy;
import io.headroom.planner.autoscaler.KnativeSpec;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.SeriesWindow;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the scenario's autoscaler would have decided, sync by sync, given observed metrics: the
 * question asked when an HPA "did not scale". The controller's current count is its own previous
 * decision, starting at the scenario's initial count.
 *
 * <ul>
 *   <li>hpa: columns {@code time,ready,unready,missing,value} — ready pods with a metric sample,
 *       pods that exist but are unready (or, for cpu, still inside the CPU initialization period),
 *       running pods without a sample, and the metric over the ready pods (cpu: utilization in percent
 *       of the request, e.g. 85; concurrency/rps: the per-pod average; external: the total). Each row
 *       goes through the same replica calculator and controller as the simulated hpa.</li>
 *   <li>azureml: columns {@code time,ready,inFlight} — ready replicas and busy + queued requests
 *       averaged over the refresh interval before the row. The scale-down average is the mean of the
 *       rows within the scale-down delay. Each row goes through the simulated azureml policy.</li>
 *   <li>static: columns {@code time,ready}; every row decides the fixed count.</li>
 *   <li>knative: columns {@code time,ready,stable,panic} — one row per decider tick, with the averages
 *       as the autoscaler exports them ({@code stable_request_concurrency}, {@code panic_request_concurrency});
 *       or {@code time,ready,concurrency} — one row per second with the revision's total in flight,
 *       which the policy windows itself (stable and panic means of the rows in the window, since the
 *       first row), deciding at each time that is a multiple of {@code tickInterval}. Each tick goes
 *       through the same decider, scale-to-zero rules and bounds as the simulated policy.</li>
 * </ul>
 */
public final class AutoscalerReplay {
    static final List<String> HPA_COLUMNS = List.of("time", "ready", "unready", "missing", "value");
    static final List<String> AZUREML_COLUMNS = List.of("time", "ready", "inFlight");
    static final List<String> STATIC_COLUMNS = List.of("time", "ready");
    static final List<String> KNATIVE_COLUMNS = List.of("time", "ready", "stable", "panic");
    static final List<String> KNATIVE_SECOND_COLUMNS = List.of("time", "ready", "concurrency");
    private static final long SECOND = 1_000_000_000L;

    private AutoscalerReplay() {
    }

    /** The columns the observations of {@code spec}'s policy must have. */
    public static List<String> columns(AutoscalerSpec spec) {
        return spec.match(new AutoscalerSpec.Cases<List<String>>() {
            @Override
            public List<String> azureml(AzureMlSpec a) {
                return AZUREML_COLUMNS;
            }

            @Override
            public List<String> hpa(HpaSpec h) {
                return HPA_COLUMNS;
            }

            @Override
            public List<String> fixed(StaticSpec s) {
                return STATIC_COLUMNS;
            }

            @Override
            public List<String> knative(KnativeSpec k) {
                return KNATIVE_COLUMNS;
            }
        });
    }

    /** Replays {@code observations} through the scenario's autoscaler. */
    public static List<ReplayStep> replay(Scenario scenario, Path observations) {
        AutoscalerSpec spec = scenario.autoscaler();
        Optional<List<KnativeReplayStep>> knative = knative(scenario, observations);
        if (knative.isPresent()) {
            return knative.get().stream().map(k -> new ReplayStep(k.timeSeconds(), k.desired(), k.wanted(), k.desired(), k.limit()))
                    .toList();
        }
        List<String> columns = columns(spec);
        List<ObservationsCsv.Row> rows = ObservationsCsv.read(observations, columns,
                columns.stream().filter(c -> !c.equals("time") && !c.equals("value") && !c.equals("inFlight")).toList());
        return spec.match(new AutoscalerSpec.Cases<List<ReplayStep>>() {
            @Override
            public List<ReplayStep> azureml(AzureMlSpec a) {
                return azureMl(a, scenario.service().concurrency(), rows);
            }

            @Override
            public List<ReplayStep> hpa(HpaSpec h) {
                return hpaReplay(h, rows);
            }

            @Override
            public List<ReplayStep> fixed(StaticSpec s) {
                return rows.stream().map(r -> new ReplayStep(r.get("time"), s.replicas(), s.replicas(), s.replicas(), "MAX_REPLICAS"))
                        .toList();
            }

            @Override
            public List<ReplayStep> knative(KnativeSpec k) {
                throw new IllegalStateException("knative replays through AutoscalerReplay.knative");
            }
        });
    }

    /**
     * A knative scenario's replay with the decider's excess burst capacity and panic state; empty for
     * another policy. The observations have the columns {@link #KNATIVE_COLUMNS} or {@link #KNATIVE_SECOND_COLUMNS}.
     */
    public static Optional<List<KnativeReplayStep>> knative(Scenario scenario, Path observations) {
        return scenario.autoscaler().match(new AutoscalerSpec.Cases<Optional<List<KnativeReplayStep>>>() {
            @Override
            public Optional<List<KnativeReplayStep>> azureml(AzureMlSpec a) {
                return Optional.empty();
            }

            @Override
            public Optional<List<KnativeReplayStep>> hpa(HpaSpec h) {
                return Optional.empty();
            }

            @Override
            public Optional<List<KnativeReplayStep>> fixed(StaticSpec s) {
                return Optional.empty();
            }

            @Override
            public Optional<List<KnativeReplayStep>> knative(KnativeSpec k) {
                boolean perSecond = ObservationsCsv.header(observations).contains("concurrency");
                return Optional.of(perSecond ? knativePerSecond(k, observations) : knativeTicks(k, observations));
            }
        });
    }

    private static List<KnativeReplayStep> knativeTicks(KnativeSpec spec, Path observations) {
        List<ObservationsCsv.Row> rows = ObservationsCsv.read(observations, KNATIVE_COLUMNS, List.of("ready"));
        KnativePolicy policy = spec.newKnativePolicy();
        int current = spec.initialReplicas();
        List<KnativeReplayStep> out = new ArrayList<>();
        for (ObservationsCsv.Row r : rows) {
            ScalingDecision d = policy.decide(Math.round(r.get("time") * SECOND), (int) r.get("ready"), current, r.get("stable"),
                    r.get("panic"));
            out.add(step(r.get("time"), d, policy));
            current = d.desiredReplicas();
        }
        return out;
    }

    private static List<KnativeReplayStep> knativePerSecond(KnativeSpec spec, Path observations) {
        List<ObservationsCsv.Row> rows = ObservationsCsv.read(observations, KNATIVE_SECOND_COLUMNS, List.of("ready"));
        KnativePolicy policy = spec.newKnativePolicy();
        SeriesWindow series = new SeriesWindow(rows.stream().mapToDouble(r -> r.get("time")).toArray(),
                rows.stream().mapToDouble(r -> r.get("concurrency")).toArray());
        long tickNanos = spec.tickInterval().toNanos();
        int current = spec.initialReplicas();
        List<KnativeReplayStep> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationsCsv.Row r = rows.get(i);
            long nowNanos = Math.round(r.get("time") * SECOND);
            if (nowNanos % tickNanos != 0) {
                continue;
            }
            int ready = (int) r.get("ready");
            SeriesWindow w = series.at(i, ready);
            double stable = Math.round(w.meanInFlight(spec.stableWindow()) * 1e6) / 1e6;
            double panic = Math.round(w.meanInFlight(spec.panicWindow()) * 1e6) / 1e6;
            ScalingDecision d = policy.decide(nowNanos, ready, current, stable, panic);
            out.add(step(r.get("time"), d, policy));
            current = d.desiredReplicas();
        }
        return out;
    }

    private static KnativeReplayStep step(double time, ScalingDecision d, KnativePolicy policy) {
        return new KnativeReplayStep(time, d.desiredReplicas(), d.wantedReplicas(), policy.lastExcessBurstCapacity(), policy.inPanic(),
                d.limit().name());
    }

    private static List<ReplayStep> hpaReplay(HpaSpec spec, List<ObservationsCsv.Row> rows) {
        HpaController controller = new HpaController(spec);
        int current = spec.initialReplicas();
        List<ReplayStep> out = new ArrayList<>();
        for (ObservationsCsv.Row r : rows) {
            // cpu rows give percent of the request: milli-cores of a 1,000-milli-core request are ten times it
            double value = r.get("value");
            long valueMilli = Math.round(spec.metric().type() == HpaMetric.Type.CPU ? value * 10 : value * 1000);
            HpaReplicaCalculator.Proposal p = HpaReplicaCalculator.propose(spec.metric(), spec.tolerance(), current, (int) r.get("ready"),
                    (int) r.get("unready"), (int) r.get("missing"), valueMilli);
            HpaController.Sync sync = controller.sync(Math.round(r.get("time") * SECOND), current, p.valid(), p.replicas());
            out.add(new ReplayStep(r.get("time"), sync.desired(), sync.proposed(), sync.stabilized(), sync.reason()));
            current = sync.desired();
        }
        return out;
    }

    private static List<ReplayStep> azureMl(AzureMlSpec spec, int concurrency, List<ObservationsCsv.Row> rows) {
        AutoscalerPolicy policy = spec.newPolicy();
        int current = spec.initialReplicas();
        SeriesWindow series = new SeriesWindow(rows.stream().mapToDouble(r -> r.get("time")).toArray(),
                rows.stream().mapToDouble(r -> r.get("inFlight")).toArray());
        List<ReplayStep> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ObservationsCsv.Row r = rows.get(i);
            int ready = (int) r.get("ready");
            SeriesWindow window = series.at(i, ready);
            long nowNanos = Math.round(r.get("time") * SECOND);
            Snapshot s = new Snapshot(nowNanos, ready, Math.max(0, current - ready), 0, 0, current, 0, 0, concurrency, window);
            ScalingDecision d = policy.decide(s);
            out.add(new ReplayStep(r.get("time"), d.desiredReplicas(), d.wantedReplicas(), d.desiredReplicas(), d.limit().name()));
            current = d.desiredReplicas();
        }
        return out;
    }
}
