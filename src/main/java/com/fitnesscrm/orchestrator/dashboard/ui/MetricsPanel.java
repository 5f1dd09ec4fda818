package com.fitnesscrm.orchestrator.dashboard.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.base.ui.CsvCells;
import com.fitnesscrm.orchestrator.dashboard.ui.KpiChange.Better;
import com.fitnesscrm.orchestrator.metrics.Kpis;
import com.fitnesscrm.orchestrator.metrics.MetricPeriod;
import com.fitnesscrm.orchestrator.metrics.MetricPoint;
import com.fitnesscrm.orchestrator.metrics.MetricType;
import com.fitnesscrm.orchestrator.metrics.MetricsQuery;
import com.fitnesscrm.orchestrator.metrics.MetricsReader;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's metrics: key figures for a range and agent with their change against the previous range, the
 * charts, and the shown figures as CSV. Everything comes from the roll-ups ({@link MetricsReader}), never from raw
 * runs. Trainers see their own tools' agents only, and no cost or failure.
 */
class MetricsPanel extends VerticalLayout {

    /** The agents of the trainer tools: workout planner, client progress, schedule optimiser. */
    static final Set<String> TRAINER_TYPES = Set.of(AgentType.WORKOUT_OPTIMIZATION.code(),
            AgentType.PROGRESS_MONITORING.code(), AgentType.SCHEDULING.code());
    static final String ALL_AGENTS = "All agents";

    enum Range {
        DAY("Last 24 hours", 1), WEEK("Last 7 days", 7), MONTH("Last 30 days", 30), CUSTOM("Custom range", 0);

        final String label;
        final int days;

        Range(String label, int days) {
            this.label = label;
            this.days = days;
        }
    }

    private final transient MetricsReader reader;
    private final transient Clock clock;
    private final boolean admin;
    private final List<String> agents;
    private final BigDecimal dailyBudget;

    final Select<Range> range = new Select<>();
    final Select<String> agent = new Select<>();
    final DatePicker fromDate = new DatePicker("From");
    final DatePicker toDate = new DatePicker("To");
    private final Div kpis = new Div();
    private final Div charts = new Div();
    final Anchor csv = new Anchor();
    final Chart runsChart = new Chart("runs-chart");
    final Chart timeChart = new Chart("time-chart");
    final Chart costChart = new Chart("cost-chart");
    final Chart failuresChart = new Chart("failures-chart");
    final Chart tokensChart = new Chart("tokens-chart");
    final Chart helpfulChart = new Chart("helpful-chart");
    private String csvText = "";

    MetricsPanel(MetricsReader reader, List<Agent> allAgents, boolean admin, BigDecimal dailyBudget, Clock clock) {
        this.reader = reader;
        this.clock = clock;
        this.admin = admin;
        this.dailyBudget = dailyBudget;
        this.agents = allAgents.stream().filter(a -> admin || TRAINER_TYPES.contains(a.type()))
                .map(Agent::name).sorted().toList();
        setId("metrics");
        setPadding(false);
        range.setId("metrics-range");
        range.setLabel("Range");
        range.setItems(Range.values());
        range.setItemLabelGenerator(r -> r.label);
        range.setValue(Range.WEEK);
        agent.setId("metrics-agent");
        agent.setLabel("Agent");
        List<String> choices = new ArrayList<>();
        choices.add(ALL_AGENTS);
        choices.addAll(agents);
        agent.setItems(choices);
        agent.setValue(ALL_AGENTS);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        fromDate.setId("metrics-from");
        toDate.setId("metrics-to");
        fromDate.setValue(today.minusDays(13));
        toDate.setValue(today);
        fromDate.setMax(today);
        toDate.setMax(today);
        fromDate.setVisible(false);
        toDate.setVisible(false);
        range.addValueChangeListener(e -> {
            fromDate.setVisible(e.getValue() == Range.CUSTOM);
            toDate.setVisible(e.getValue() == Range.CUSTOM);
            refresh();
        });
        agent.addValueChangeListener(e -> refresh());
        fromDate.addValueChangeListener(e -> refresh());
        toDate.addValueChangeListener(e -> refresh());
        csv.setId("metrics-csv");
        csv.setText("Export CSV");
        HorizontalLayout controls = new HorizontalLayout(range, agent, fromDate, toDate, csv);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        kpis.addClassName("kpi-cards");
        kpis.setId("kpis");
        charts.addClassName("metrics-charts");
        charts.add(runsChart, timeChart);
        if (admin) {
            charts.add(costChart, failuresChart);
        }
        charts.add(tokensChart, helpfulChart);
        add(controls, kpis, charts);
        refresh();
    }

    /** The chosen range as {@code [from, to)}, in whole hours (24 h) or whole UTC days. */
    MetricsQuery current() {
        Instant now = clock.instant();
        Range chosen = range.getValue();
        Set<String> names = chosenAgents();
        if (chosen == Range.DAY) {
            Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            return new MetricsQuery(to.minus(24, ChronoUnit.HOURS), to, MetricPeriod.HOUR, names);
        }
        if (chosen == Range.CUSTOM) {
            LocalDate from = fromDate.getValue() == null ? LocalDate.now(clock) : fromDate.getValue();
            LocalDate to = toDate.getValue() == null || toDate.getValue().isBefore(from) ? from : toDate.getValue();
            return new MetricsQuery(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), MetricPeriod.DAY, names);
        }
        Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        return new MetricsQuery(to.minus(chosen.days, ChronoUnit.DAYS), to, MetricPeriod.DAY, names);
    }

    /** The range of the same length just before {@code query}. */
    static MetricsQuery previous(MetricsQuery query) {
        java.time.Duration length = java.time.Duration.between(query.from(), query.to());
        return new MetricsQuery(query.from().minus(length), query.from(), query.period(), query.agents());
    }

    private Set<String> chosenAgents() {
        String chosen = agent.getValue();
        if (chosen != null && !ALL_AGENTS.equals(chosen)) {
            return Set.of(chosen);
        }
        // Empty means every agent: only admins may see those; a trainer's "all" is their tools' agents.
        return admin ? Set.of() : Set.copyOf(agents);
    }

    void refresh() {
        if (!admin && agents.isEmpty()) {
            kpis.removeAll();
            kpis.add(new Span("No trainer tool agents yet."));
            csvText = "";
            return;
        }
        MetricsQuery query = current();
        Kpis now = reader.kpis(query);
        Kpis before = reader.kpis(previous(query));
        List<Kpi> shown = kpis(now, before);
        kpis.removeAll();
        shown.forEach(kpi -> kpis.add(kpi.card()));
        List<MetricPoint> points = reader.series(query, EnumSet.of(MetricType.RUNS, MetricType.SUCCEEDED, MetricType.FAILED,
                MetricType.TIMED_OUT, MetricType.REJECTED, MetricType.COST));
        List<MetricPoint> byAgent = points.stream().filter(p -> p.configVersion() == null).toList();
        runsChart.setOptions(runsOptions(query, byAgent));
        Map<String, Kpis> perAgent = new TreeMap<>();
        for (String name : query.agents().isEmpty() ? agents : query.agents()) {
            perAgent.put(name, reader.kpis(new MetricsQuery(query.from(), query.to(), query.period(), Set.of(name))));
        }
        timeChart.setOptions(timeOptions(perAgent));
        if (admin) {
            costChart.setOptions(costOptions(query, byAgent));
            failuresChart.setOptions(failureOptions(byAgent));
        }
        Instant yearAgo = YearMonth.from(query.to().atZone(ZoneOffset.UTC)).minusMonths(11).atDay(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        List<MetricPoint> tokens = reader.series(new MetricsQuery(yearAgo, query.to(), MetricPeriod.DAY,
                query.agents()), EnumSet.of(MetricType.TOKENS_IN, MetricType.TOKENS_OUT)).stream()
                .filter(p -> p.configVersion() == null).toList();
        tokensChart.setOptions(tokenOptions(tokens));
        helpfulChart.setOptions(helpfulOptions(reader.series(query, EnumSet.of(MetricType.VOTES,
                MetricType.HELPFUL_VOTES)).stream().filter(p -> p.configVersion() != null).toList()));
        csvText = csv(query, shown, byAgent, perAgent);
        byte[] bytes = csvText.getBytes(StandardCharsets.UTF_8);
        csv.setHref(DownloadHandler.fromInputStream((DownloadEvent event) -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "metrics.csv", "text/csv;charset=utf-8", bytes.length)));
        csv.getElement().setAttribute("download", "metrics.csv");
    }

    String csvText() {
        return csvText;
    }

    /** One key figure: its name, value now, value before and change. */
    record Kpi(String id, String label, String value, String previous, KpiChange change) {

        Div card() {
            Div card = new Div();
            card.setId(id);
            card.addClassName("kpi-card");
            Span name = new Span(label);
            name.addClassName("kpi-label");
            Span shown = new Span(value);
            shown.addClassName("kpi-value");
            Span delta = new Span(change.text());
            delta.addClassName("kpi-change");
            delta.addClassName("kpi-" + change.verdict().name().toLowerCase(Locale.ROOT));
            delta.getElement().setAttribute("title", "Previous range: " + previous);
            card.add(name, shown, delta);
            return card;
        }
    }

    List<Kpi> kpis(Kpis now, Kpis before) {
        List<Kpi> list = new ArrayList<>();
        list.add(new Kpi("kpi-runs", "Runs", count(now.runs()), count(before.runs()),
                KpiChange.ofAmount((double) now.runs(), (double) before.runs(), Better.UP)));
        list.add(new Kpi("kpi-success", "Success rate", percent(now.successRate()), percent(before.successRate()),
                KpiChange.ofRate(now.successRate(), before.successRate(), Better.UP)));
        list.add(new Kpi("kpi-p95", "p95 time", seconds(now.p95Seconds()), seconds(before.p95Seconds()),
                KpiChange.ofAmount(now.p95Seconds(), before.p95Seconds(), Better.DOWN)));
        if (admin) {
            list.add(new Kpi("kpi-cost", "Cost", money(now.cost()), money(before.cost()),
                    KpiChange.ofAmount(dbl(now.cost()), dbl(before.cost()), Better.DOWN)));
            list.add(new Kpi("kpi-cost-per-run", "Cost per run", money(now.costPerRun()),
                    money(before.costPerRun()), KpiChange.ofAmount(now.costPerRun(), before.costPerRun(),
                    Better.DOWN)));
        }
        list.add(new Kpi("kpi-llm-share", "Answered by LLM / rules", share(now.llmShare()),
                share(before.llmShare()), KpiChange.ofRate(now.llmShare(), before.llmShare(), Better.EITHER)));
        list.add(new Kpi("kpi-helpful", "Helpful" + votes(now.votes()), percent(now.helpfulRate()),
                percent(before.helpfulRate()), KpiChange.ofRate(now.helpfulRate(), before.helpfulRate(),
                Better.UP)));
        return list;
    }

    private static Double dbl(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String share(Double llm) {
        return llm == null ? "–" : String.format(Locale.ROOT, "%.0f %% / %.0f %%", llm * 100, (1 - llm) * 100);
    }

    private static String votes(long votes) {
        return votes == 0 ? "" : " (" + votes + (votes == 1 ? " vote)" : " votes)");
    }

    private static String seconds(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f s", value);
    }

    private static String money(Number value) {
        return value == null ? "–" : String.format(Locale.ROOT, "$%,.4f", value.doubleValue());
    }

    // --- charts -------------------------------------------------------------------------------------------------

    /** Every period start of the query, labelled in UTC. */
    private static List<Instant> periods(MetricsQuery query) {
        List<Instant> starts = new ArrayList<>();
        for (Instant t = query.from(); t.isBefore(query.to()); t = t.plus(query.period().length())) {
            starts.add(t);
        }
        return starts;
    }

    private static String label(Instant start, MetricPeriod period) {
        String text = start.toString();
        return period == MetricPeriod.HOUR ? text.substring(5, 13).replace('T', ' ') + ":00" : text.substring(0, 10);
    }

    private static Map<Instant, Double> sumByStart(List<MetricPoint> points, MetricType type) {
        return points.stream().filter(p -> p.type() == type)
                .collect(Collectors.groupingBy(MetricPoint::start, TreeMap::new,
                        Collectors.summingDouble(MetricPoint::value)));
    }

    private static ObjectNode base(String title) {
        ObjectNode options = Chart.object();
        options.putObject("title").put("text", title).put("left", "left");
        options.putObject("tooltip").put("trigger", "axis");
        options.putObject("legend").put("top", 24);
        options.putObject("grid").put("top", 64).put("left", 56).put("right", 24).put("bottom", 40);
        return options;
    }

    private static ObjectNode category(ObjectNode options, List<String> labels) {
        ObjectNode axis = options.putObject("xAxis").put("type", "category");
        axis.putObject("axisLabel").put("hideOverlap", true);
        ArrayNode data = axis.putArray("data");
        labels.forEach(data::add);
        return options;
    }

    /** A category axis of agents: every name under its bars, broken over lines rather than left out. */
    private static ObjectNode agentAxis(ObjectNode options, List<String> agents) {
        category(options, agents);
        ((ObjectNode) options.get("xAxis").get("axisLabel")).put("interval", 0).put("hideOverlap", false).put("width", 90)
                .put("overflow", "break").put("lineHeight", 14);
        ((ObjectNode) options.get("grid")).put("bottom", 8).put("containLabel", true);
        return options;
    }

    private static ObjectNode series(ArrayNode all, String name, String type, List<Double> values) {
        ObjectNode s = all.addObject().put("name", name).put("type", type).put("barMaxWidth", 48);
        ArrayNode data = s.putArray("data");
        values.forEach(v -> data.add(Math.round(v * 1_000_000) / 1_000_000.0));
        return s;
    }

    ObjectNode runsOptions(MetricsQuery query, List<MetricPoint> points) {
        ObjectNode options = base(admin ? "Runs by status" : "Runs");
        List<Instant> starts = periods(query);
        category(options, starts.stream().map(s -> label(s, query.period())).toList());
        options.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode all = options.putArray("series");
        Map<MetricType, String> statuses = new java.util.LinkedHashMap<>();
        if (admin) {
            statuses.put(MetricType.SUCCEEDED, "Succeeded");
            statuses.put(MetricType.FAILED, "Failed");
            statuses.put(MetricType.TIMED_OUT, "Timed out");
        } else {
            // Trainers see how much their tools were used, not the errors.
            statuses.put(MetricType.RUNS, "Runs");
        }
        statuses.put(MetricType.REJECTED, "Rejected input");
        Map<MetricType, String> colours = Map.of(MetricType.SUCCEEDED, "#2e9e5b", MetricType.FAILED, "#d9453b",
                MetricType.TIMED_OUT, "#e6a23c", MetricType.REJECTED, "#8a8f99", MetricType.RUNS, "#2e9e5b");
        statuses.forEach((type, name) -> {
            Map<Instant, Double> sums = sumByStart(points, type);
            ObjectNode s = series(all, name, "bar", starts.stream().map(t -> sums.getOrDefault(t, 0.0)).toList());
            s.put("stack", "runs");
            s.putObject("itemStyle").put("color", colours.get(type));
        });
        return options;
    }

    ObjectNode timeOptions(Map<String, Kpis> perAgent) {
        ObjectNode options = base("Time per agent (seconds)");
        agentAxis(options, List.copyOf(perAgent.keySet()));
        options.putObject("yAxis").put("type", "value").put("name", "s");
        ArrayNode all = options.putArray("series");
        series(all, "p50", "bar", perAgent.values().stream().map(k -> orZero(k.p50Seconds())).toList());
        series(all, "p95", "bar", perAgent.values().stream().map(k -> orZero(k.p95Seconds())).toList());
        return options;
    }

    ObjectNode costOptions(MetricsQuery query, List<MetricPoint> points) {
        boolean daily = query.period() == MetricPeriod.DAY;
        ObjectNode options = base(daily ? "Cost per day (USD)" : "Cost per hour (USD)");
        List<Instant> starts = periods(query);
        category(options, starts.stream().map(s -> label(s, query.period())).toList());
        options.putObject("yAxis").put("type", "value").put("name", "$");
        Map<Instant, Double> sums = sumByStart(points, MetricType.COST);
        ObjectNode s = series(options.putArray("series"), "Cost", "bar",
                starts.stream().map(t -> sums.getOrDefault(t, 0.0)).toList());
        s.putObject("itemStyle").put("color", "#5470c6");
        if (daily && dailyBudget != null) {
            ObjectNode line = s.putObject("markLine");
            line.put("symbol", "none");
            line.putArray("data").addObject().put("name", "Daily budget").put("yAxis", dailyBudget.doubleValue());
            line.putObject("lineStyle").put("color", "#d9453b").put("type", "dashed");
            line.putObject("label").put("formatter", "Daily budget $" + dailyBudget.toPlainString());
            // Keep the budget inside the plot even when the spending is far below it.
            ((ObjectNode) options.get("yAxis")).put("max", Math.max(dailyBudget.doubleValue() * 1.1,
                    sums.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) * 1.1));
        }
        return options;
    }

    ObjectNode failureOptions(List<MetricPoint> points) {
        ObjectNode options = base("Failures by agent");
        Map<String, Double> failed = sumByAgent(points, MetricType.FAILED);
        Map<String, Double> timedOut = sumByAgent(points, MetricType.TIMED_OUT);
        TreeMap<String, Boolean> names = new TreeMap<>();
        failed.keySet().forEach(n -> names.put(n, true));
        timedOut.keySet().forEach(n -> names.put(n, true));
        agentAxis(options, List.copyOf(names.keySet()));
        options.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode all = options.putArray("series");
        series(all, "Failed", "bar", names.keySet().stream().map(n -> failed.getOrDefault(n, 0.0)).toList())
                .put("stack", "failures").putObject("itemStyle").put("color", "#d9453b");
        series(all, "Timed out", "bar", names.keySet().stream().map(n -> timedOut.getOrDefault(n, 0.0)).toList())
                .put("stack", "failures").putObject("itemStyle").put("color", "#e6a23c");
        return options;
    }

    ObjectNode tokenOptions(List<MetricPoint> points) {
        ObjectNode options = base("Tokens per month");
        Function<MetricPoint, String> month = p -> YearMonth.from(p.start().atZone(ZoneOffset.UTC)).toString();
        Map<String, Double> in = points.stream().filter(p -> p.type() == MetricType.TOKENS_IN)
                .collect(Collectors.groupingBy(month, TreeMap::new, Collectors.summingDouble(MetricPoint::value)));
        Map<String, Double> out = points.stream().filter(p -> p.type() == MetricType.TOKENS_OUT)
                .collect(Collectors.groupingBy(month, TreeMap::new, Collectors.summingDouble(MetricPoint::value)));
        TreeMap<String, Boolean> months = new TreeMap<>();
        in.keySet().forEach(m -> months.put(m, true));
        out.keySet().forEach(m -> months.put(m, true));
        category(options, List.copyOf(months.keySet()));
        options.putObject("yAxis").put("type", "value");
        ArrayNode all = options.putArray("series");
        series(all, "Tokens in", "bar", months.keySet().stream().map(m -> in.getOrDefault(m, 0.0)).toList())
                .put("stack", "tokens");
        series(all, "Tokens out", "bar", months.keySet().stream().map(m -> out.getOrDefault(m, 0.0)).toList())
                .put("stack", "tokens");
        return options;
    }

    /** Helpfulness per agent and config version over the range: whether a new prompt or model made answers better. */
    ObjectNode helpfulOptions(List<MetricPoint> perVersion) {
        ObjectNode options = base("Helpful per config version");
        Function<MetricPoint, String> version = p -> p.agent() + " v" + p.configVersion();
        Map<String, Double> votes = perVersion.stream().filter(p -> p.type() == MetricType.VOTES)
                .collect(Collectors.groupingBy(version, TreeMap::new, Collectors.summingDouble(MetricPoint::value)));
        Map<String, Double> helpful = perVersion.stream().filter(p -> p.type() == MetricType.HELPFUL_VOTES)
                .collect(Collectors.groupingBy(version, TreeMap::new, Collectors.summingDouble(MetricPoint::value)));
        List<String> voted = votes.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        agentAxis(options, voted);
        options.putObject("yAxis").put("type", "value").put("max", 100).put("name", "% helpful");
        ArrayNode all = options.putArray("series");
        series(all, "Helpful (% of votes)", "bar", voted.stream()
                .map(v -> Math.round(1000 * helpful.getOrDefault(v, 0.0) / votes.get(v)) / 10.0).toList());
        series(all, "Votes", "line", voted.stream().map(votes::get).toList()).put("yAxisIndex", 0)
                .put("showSymbol", true).putObject("lineStyle").put("width", 0);
        return options;
    }

    private static Map<String, Double> sumByAgent(List<MetricPoint> points, MetricType type) {
        return points.stream().filter(p -> p.type() == type)
                .collect(Collectors.groupingBy(MetricPoint::agent, TreeMap::new,
                        Collectors.summingDouble(MetricPoint::value)));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    // --- CSV ----------------------------------------------------------------------------------------------------

    /** The shown figures: the key figures with their previous values, then the charts' rows (no cost for trainers). */
    String csv(MetricsQuery query, List<Kpi> shown, List<MetricPoint> points, Map<String, Kpis> perAgent) {
        StringBuilder out = new StringBuilder();
        out.append(CsvCells.row(List.of("section", "agent", "metric", "period_start", "value", "previous",
                "change")));
        String agents = query.agents().isEmpty() ? "all" : String.join(" ", new java.util.TreeSet<>(query.agents()));
        for (Kpi kpi : shown) {
            out.append(CsvCells.row(java.util.Arrays.asList("kpi", agents, kpi.label(), query.from(), kpi.value(),
                    kpi.previous(), kpi.change().text())));
        }
        perAgent.forEach((name, k) -> {
            out.append(CsvCells.row(java.util.Arrays.asList("time", name, "p50_seconds", query.from(),
                    k.p50Seconds(), null, null)));
            out.append(CsvCells.row(java.util.Arrays.asList("time", name, "p95_seconds", query.from(),
                    k.p95Seconds(), null, null)));
        });
        Set<MetricType> hidden = admin ? Set.of() : EnumSet.of(MetricType.COST, MetricType.FAILED,
                MetricType.TIMED_OUT);
        for (MetricPoint p : points) {
            if (!hidden.contains(p.type())) {
                out.append(CsvCells.row(java.util.Arrays.asList("series", p.agent(), p.type().code(), p.start(),
                        p.value(), null, null)));
            }
        }
        return out.toString();
    }
}
