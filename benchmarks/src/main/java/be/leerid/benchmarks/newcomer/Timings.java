package be.leerid.benchmarks.newcomer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One {@code ./leerid dev}, each time counted from the command: discovery answering, the welcome, the first login done. */
record Timings(Duration ready, Duration welcome, Duration loggedIn, Duration login) {

    /** Minimum, median and maximum of each figure, fresh clones and restarts, as a Markdown table. */
    static String table(List<Timings> fresh, List<Timings> restarts, Duration goalFirstLogin, Duration goalRestart, int rounds, LocalDate day) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %d rounds (each a fresh clone, then a restart in it); seconds from "
                + "`./leerid dev`, min / median / max.%n%n", day, Runtime.getRuntime().availableProcessors(), rounds));
        out.append("| | ready (discovery answers) | welcome printed | first login done | goal |\n|---|---:|---:|---:|---|\n");
        out.append(row("fresh clone", fresh, "first login under " + NewcomerBenchmark.s(goalFirstLogin)));
        out.append(row("restart", restarts, "ready under " + NewcomerBenchmark.s(goalRestart)));
        out.append(String.format(Locale.ROOT, "%nThe scripted login itself (Smartschool (demo), password, back at the service): %s after a fresh clone.%n",
                spread(fresh, Timings::login)));
        boolean met = fresh.stream().allMatch(t -> t.loggedIn().compareTo(goalFirstLogin) < 0)
                && restarts.stream().allMatch(t -> t.ready().compareTo(goalRestart) < 0);
        out.append(met ? "Both goals met in every round.\n" : "A goal was missed in at least one round.\n");
        return out.toString();
    }

    private static String row(String name, List<Timings> runs, String goal) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, spread(runs, Timings::ready), spread(runs, Timings::welcome),
                spread(runs, Timings::loggedIn), goal);
    }

    static String spread(List<Timings> runs, Function<Timings, Duration> figure) {
        List<Double> seconds = runs.stream().map(figure).map(d -> d.toMillis() / 1000.0).sorted().toList();
        int n = seconds.size();
        double median = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", seconds.get(0), median, seconds.get(n - 1));
    }
}
