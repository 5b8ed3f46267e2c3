package io.streambench.driver.limits;

import io.streambench.driver.AttemptRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's service-level objectives ({@code --slo}): per-request ones, which a request meets only when it meets
 * all of them (and succeeded), and per-stage percentiles. A stage meets them when every percentile objective
 * holds and at least {@code attainment} of its measured requests met every per-request one.
 *
 * <pre>{@code
 * Objectives slo = Objectives.parse(List.of("ttft<=500ms,tpot<=50ms", "ttft.p99<=1s"), 0.99);
 * String cell = slo.missed(row);   // "met", "ttft;tpot", "failed"
 * }</pre>
 *
 * @param perRequest every request is held to these, in the order given
 * @param percentiles the stage is held to these, in the order given
 * @param attainment  the share of requests (0 to 1) that must meet the per-request objectives for a stage to
 *                    meet them (SLO attainment)
 */
public record Objectives(List<Objective.PerRequest> perRequest, List<Objective.Percentile> percentiles,
        double attainment) {

    /** The attainment when none is given: 99 % of the requests. */
    public static final double DEFAULT_ATTAINMENT = 0.99;

    /** No objectives: every request "meets" them and nothing is written. */
    public static final Objectives NONE = new Objectives(List.of(), List.of(), DEFAULT_ATTAINMENT);

    /** The cell of a request that met every per-request objective. */
    public static final String MET = "met";
    /** The cell of a request that failed (it meets no objective). */
    public static final String FAILED = "failed";

    public Objectives {
        perRequest = List.copyOf(perRequest);
        percentiles = List.copyOf(percentiles);
        if (!(attainment > 0) || attainment > 1) {
            throw new IllegalArgumentException("--slo-attainment must be above 0 % and at most 100 %, got "
                    + attainment * 100 + " %");
        }
    }

    /**
     * Parses {@code --slo} values, each one or more objectives joined by commas; IllegalArgumentException with
     * one line on bad text or an objective given twice.
     */
    public static Objectives parse(List<String> texts, double attainment) {
        List<Objective.PerRequest> request = new ArrayList<>();
        List<Objective.Percentile> stage = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("--slo: empty objective");
            }
            for (String part : text.split(",", -1)) {
                Objective o = Objective.parse(part);
                if (!names.add(o.name())) {
                    throw new IllegalArgumentException("--slo: " + o.name() + " is bounded twice");
                }
                if (o instanceof Objective.PerRequest p) {
                    request.add(p);
                } else {
                    stage.add((Objective.Percentile) o);
                }
            }
        }
        return new Objectives(request, stage, attainment);
    }

    /** Whether there is any objective. */
    public boolean any() {
        return !perRequest.isEmpty() || !percentiles.isEmpty();
    }

    /** Every objective as text, per-request ones first: {@code [ttft<=500ms, ttft.p99<=1s]}. */
    public List<String> texts() {
        List<String> all = new ArrayList<>();
        perRequest.forEach(o -> all.add(o.text()));
        percentiles.forEach(o -> all.add(o.text()));
        return all;
    }

    /**
     * requests.csv's {@code slo} cell for a request's last attempt: empty without per-request objectives,
     * {@code met}, {@code failed}, or the objectives it missed joined by {@code ;} ({@code ttft;itl.max}).
     */
    public String missed(AttemptRow row) {
        if (perRequest.isEmpty()) {
            return "";
        }
        if (!row.ending().error().ok()) {
            return FAILED;
        }
        StringBuilder missed = null;
        for (Objective.PerRequest o : perRequest) {
            if (!o.met(row)) {
                missed = missed == null ? new StringBuilder(o.name()) : missed.append(';').append(o.name());
            }
        }
        return missed == null ? MET : missed.toString();
    }
}
