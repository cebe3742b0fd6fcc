package be.leerid.benchmarks.schools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations of one kind of request, in milliseconds, and their percentiles. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    void add(long startNanos) {
        millis.add((System.nanoTime() - startNanos) / 1e6);
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    int count() {
        return millis.size();
    }

    String summary() {
        return String.format("n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms  mean %.1f ms", count(), percentile(50), percentile(95),
                percentile(100), mean());
    }
}
