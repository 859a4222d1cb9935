package cn.referral.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of a set of durations in milliseconds (nearest rank). */
record Stats(int count, double p50, double p99, double max) {

    static Stats of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))];
    }

    Map<String, Object> json() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50Ms", round(p50));
        map.put("p99Ms", round(p99));
        map.put("maxMs", round(max));
        return map;
    }

    String text() {
        return count == 0 ? "no samples" : "p50 %s ms, p99 %s ms".formatted(fmt(p50), fmt(p99));
    }

    static Object round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.valueOf(Math.round(value)) : String.format("%.1f", value);
    }
}
