package io.headroom.planner.replay;

import io.headroom.planner.autoscaler.AutoscalerPolicy;
import io.headroom.planner.autoscaler.AutoscalerSpec;
import io.headroom.planner.autoscaler.AzureMlSpec;
import io.headroom.planner.autoscaler.HpaController;
import io.headroom.planner.autoscaler.HpaMetric;
import io.headroom.planner.autoscaler.HpaReplicaCalculator;
import io.headroom.planner.autoscaler.HpaSpec;
import io.headroom.planner.autoscaler.ScalingDecision;
import io.headroom.planner.autoscaler.SeriesWindow;
import io.headroom.planner.autoscaler.Snapshot;
import io.headroom.planner.autoscaler.StaticSpec;
import io.headroom.planner.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * </ul>
 */
public final class AutoscalerReplay {
    static final List<String> HPA_COLUMNS = List.of("time", "ready", "unready", "missing", "value");
    static final List<String> AZUREML_COLUMNS = List.of("time", "ready", "inFlight");
    static final List<String> STATIC_COLUMNS = List.of("time", "ready");
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
        });
    }

    /** Replays {@code observations} through the scenario's autoscaler. */
    public static List<ReplayStep> replay(Scenario scenario, Path observations) {
        AutoscalerSpec spec = scenario.autoscaler();
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
        });
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
