package com.fitnesscrm.orchestrator.crm.internal;

import com.fitnesscrm.orchestrator.crm.CrmClient;
import com.fitnesscrm.orchestrator.crm.CrmClientMatch;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmGoal;
import com.fitnesscrm.orchestrator.crm.CrmHistory;
import com.fitnesscrm.orchestrator.crm.CrmRecurringSession;
import com.fitnesscrm.orchestrator.crm.CrmSession;
import com.fitnesscrm.orchestrator.crm.CrmStatus;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * {@link CrmDirectory} on JDBC: every query in a read-only transaction of {@link CrmDatabase}, built only from the
 * columns the last discovery found (absent ones read as NULL), bounded by a LIMIT. Discovery runs at start, every
 * {@code orchestrator.crm.refresh} on a daemon thread, on demand, and right after a query fails (a column dropped
 * since). Failures are logged once per change of state, never thrown.
 */
@Component
class JdbcCrmDirectory implements CrmDirectory {

    private static final Logger log = LoggerFactory.getLogger(JdbcCrmDirectory.class);
    private static final int MAX_TRAINERS = 1000;
    private static final Set<String> ENDED_ASSIGNMENTS = Set.of("inactive", "ended", "cancelled", "canceled",
            "completed", "terminated", "archived", "removed");

    private final CrmDatabase db;
    private final CrmProperties properties;
    private final Clock clock;
    private volatile Discovery discovery = new Discovery(CrmSchema.NONE, Map.of(), null, null);
    private final AtomicReference<Instant> lastRead = new AtomicReference<>();
    /** The degradations and the error already in the log, so each is said once, not at every refresh. */
    private final Set<String> reported = new HashSet<>();
    private String reportedError;
    private String reportedReadError;
    private Boolean reportedFound;
    private ScheduledExecutorService refresher;

    JdbcCrmDirectory(CrmDatabase db, CrmProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the last discovery found. */
    private record Discovery(CrmSchema schema, Map<String, Long> rowCounts, Instant at, String error) {
    }

    @PostConstruct
    void start() {
        if (!properties.enabled()) {
            log.info("CRM: switched off (orchestrator.crm.enabled=false); the agents work from their requests alone");
            return;
        }
        refresh();
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crm-discovery");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, properties.refresh().toSeconds());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The scheduler would stop repeating after an exception; discovery must keep trying.
            log.warn("CRM: discovery failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized CrmStatus refresh() {
        if (!properties.enabled()) {
            return status();
        }
        Discovery found;
        try {
            found = db.read(this::discover);
        } catch (DataAccessException | TransactionException e) {
            found = new Discovery(discovery.schema(), discovery.rowCounts(), clock.instant(), message(e));
        }
        discovery = found;
        report(found);
        return status();
    }

    private Discovery discover(JdbcTemplate jdbc) {
        Map<String, CrmTable> byName = new LinkedHashMap<>();
        for (CrmTable table : CrmTable.values()) {
            byName.put(table.table(), table);
        }
        Map<CrmTable, Set<String>> columns = new EnumMap<>(CrmTable.class);
        jdbc.query("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = ANY (?)",
                (ResultSet rs) -> {
                    CrmTable table = byName.get(rs.getString(1));
                    columns.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(rs.getString(2));
                }, (Object) byName.keySet().toArray(String[]::new));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CrmTable table : columns.keySet()) {
            try {
                // Exact counts: a gym's CRM holds thousands of rows, not billions; once per refresh, not per view.
                counts.put(table.table(), jdbc.queryForObject("SELECT count(*) FROM \"" + table.table() + "\"",
                        Long.class));
            } catch (DataAccessException e) {
                counts.put(table.table(), -1L);
            }
        }
        return new Discovery(new CrmSchema(columns), counts, clock.instant(), null);
    }

    /** Logs what changed since the last discovery: found or not, each degradation once, errors once. */
    private void report(Discovery found) {
        if (found.error() != null) {
            if (!found.error().equals(reportedError)) {
                log.warn("CRM: cannot read {} ({}); the agents work from their requests alone until it is back",
                        db.description(), found.error());
                reportedError = found.error();
            }
            return;
        }
        if (reportedError != null) {
            log.info("CRM: {} can be read again", db.description());
            reportedError = null;
        }
        boolean any = found.schema().found();
        if (!Boolean.valueOf(any).equals(reportedFound)) {
            if (any) {
                log.info("CRM: found {} in {}", found.schema().present().stream().map(CrmTable::table).toList(),
                        db.description());
            } else {
                log.info("CRM: no CRM tables in {}; the agents work from their requests alone", db.description());
            }
            reportedFound = any;
        }
        List<String> degraded = found.schema().degraded();
        for (String sentence : degraded) {
            if (reported.add(sentence)) {
                log.warn("CRM degraded: {}", sentence);
            }
        }
        reported.removeIf(sentence -> {
            boolean gone = !degraded.contains(sentence);
            if (gone) {
                log.info("CRM no longer degraded: {}", sentence);
            }
            return gone;
        });
    }

    @Override
    public CrmStatus status() {
        Discovery current = discovery;
        CrmSchema schema = current.schema();
        return new CrmStatus(schema.found(), db.description(), db.zone(),
                schema.present().stream().map(CrmTable::table).toList(), current.rowCounts(),
                schema.missingColumns(), schema.degraded(), current.at(), lastRead.get(), current.error());
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public List<CrmClientMatch> searchClients(String text, Long trainerIdFirst, int limit) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.CLIENTS)) {
            return List.of();
        }
        int max = limit <= 0 ? MAX_SEARCH_RESULTS : Math.min(limit, MAX_SEARCH_RESULTS);
        String pattern = "%" + escapeLike(text == null ? "" : text.strip()) + "%";
        boolean byTrainer = trainerIdFirst != null && schema.usable(CrmTable.ASSIGNMENTS);
        boolean byEmail = schema.has(CrmTable.CLIENTS, "email");
        StringBuilder sql = new StringBuilder("SELECT ").append(schema.select(CrmTable.CLIENTS, "c"));
        List<Object> args = new ArrayList<>();
        if (byTrainer) {
            sql.append(", EXISTS (SELECT 1 FROM assignments a WHERE a.client_id = c.id AND a.trainer_id = ?")
                    .append(activeAssignment(schema)).append(") AS assigned");
            args.add(trainerIdFirst);
        } else {
            sql.append(", false AS assigned");
        }
        sql.append(" FROM clients c WHERE (c.name ILIKE ?").append(byEmail ? " OR c.email ILIKE ?" : "").append(")");
        args.add(pattern);
        if (byEmail) {
            args.add(pattern);
        }
        sql.append(" ORDER BY assigned DESC, lower(c.name), c.id LIMIT ?");
        args.add(max);
        return read("search clients", List.of(), jdbc -> jdbc.query(sql.toString(),
                (rs, i) -> new CrmClientMatch(client(rs), rs.getBoolean("assigned")), args.toArray()));
    }

    @Override
    public Optional<CrmClient> client(long id) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.CLIENTS)) {
            return Optional.empty();
        }
        return read("read client", Optional.<CrmClient>empty(), jdbc -> jdbc.query("SELECT "
                + schema.select(CrmTable.CLIENTS, "c") + " FROM clients c WHERE c.id = ?",
                (rs, i) -> client(rs), id).stream().findFirst());
    }

    @Override
    public Optional<CrmTrainer> trainerByEmail(String email) {
        CrmSchema schema = discovery.schema();
        if (email == null || email.isBlank() || !schema.usable(CrmTable.TRAINERS)
                || !schema.has(CrmTable.TRAINERS, "email")) {
            return Optional.empty();
        }
        return read("read trainer", Optional.<CrmTrainer>empty(), jdbc -> jdbc.query("SELECT "
                + schema.select(CrmTable.TRAINERS, "t") + " FROM trainers t WHERE lower(t.email) = lower(?) "
                + "ORDER BY t.id LIMIT 1", (rs, i) -> trainer(rs), email.strip()).stream().findFirst());
    }

    @Override
    public Optional<CrmTrainer> trainer(long id) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.TRAINERS)) {
            return Optional.empty();
        }
        return read("read trainer", Optional.<CrmTrainer>empty(), jdbc -> jdbc.query("SELECT "
                + schema.select(CrmTable.TRAINERS, "t") + " FROM trainers t WHERE t.id = ?",
                (rs, i) -> trainer(rs), id).stream().findFirst());
    }

    @Override
    public List<CrmTrainer> trainers() {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.TRAINERS)) {
            return List.of();
        }
        return read("list trainers", List.of(), jdbc -> jdbc.query("SELECT " + schema.select(CrmTable.TRAINERS, "t")
                + " FROM trainers t ORDER BY lower(t.name), t.id LIMIT " + MAX_TRAINERS, (rs, i) -> trainer(rs)));
    }

    @Override
    public Set<Long> assignedClientIds(long trainerId) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.ASSIGNMENTS)) {
            return Set.of();
        }
        return read("read assignments", Set.of(), jdbc -> Set.copyOf(jdbc.queryForList("SELECT DISTINCT a.client_id "
                + "FROM assignments a WHERE a.trainer_id = ?" + activeAssignment(schema) + " LIMIT "
                + properties.maxRowsPerSource(), Long.class, trainerId)));
    }

    @Override
    public CrmHistory history(long clientId) {
        CrmSchema schema = discovery.schema();
        boolean measurements = schema.usable(CrmTable.MEASUREMENTS);
        boolean records = schema.usable(CrmTable.PROGRESS_RECORDS);
        if (!measurements && !records) {
            return CrmHistory.empty(clientId);
        }
        LocalDate since = LocalDate.now(clock.withZone(db.zone())).minusYears(properties.historyYears());
        int max = properties.maxRowsPerSource();
        return read("read history", CrmHistory.empty(clientId), jdbc -> {
            List<CrmHistory.Reading> readings = new ArrayList<>();
            boolean truncated = false;
            if (measurements) {
                // The newest rows first so the LIMIT keeps the recent ones; one more than the bound tells truncation.
                List<HistoryRows.Measurement> rows = jdbc.query("SELECT " + schema.select(CrmTable.MEASUREMENTS, "m")
                        + " FROM measurements m WHERE m.client_id = ? AND m.measurement_date >= ? "
                        + "ORDER BY m.measurement_date DESC LIMIT ?", (rs, i) -> measurement(rs), clientId,
                        since.atStartOfDay(), max + 1);
                truncated = rows.size() > max;
                rows.stream().limit(max).forEach(row -> readings.addAll(HistoryRows.readings(row)));
            }
            if (records) {
                List<List<CrmHistory.Reading>> rows = jdbc.query("SELECT "
                        + schema.select(CrmTable.PROGRESS_RECORDS, "p") + " FROM progress_records p "
                        + "WHERE p.client_id = ? AND p.record_date >= ? ORDER BY p.record_date DESC LIMIT ?",
                        (rs, i) -> HistoryRows.progressRecord(date(rs, "record_date"), decimal(rs, "weight"),
                                decimal(rs, "body_fat_percentage")), clientId, since.atStartOfDay(), max + 1);
                truncated |= rows.size() > max;
                rows.stream().limit(max).forEach(readings::addAll);
            }
            return new CrmHistory(clientId, readings, since, truncated);
        });
    }

    @Override
    public List<CrmSession> sessions(long clientId, Instant from, Instant to) {
        return sessions("client_id", clientId, from, to);
    }

    @Override
    public List<CrmSession> trainerSessions(long trainerId, Instant from, Instant to) {
        return sessions("trainer_id", trainerId, from, to);
    }

    @Override
    public List<CrmSession> allSessions(Instant from, Instant to) {
        return sessions(null, 0, from, to);
    }

    /** Sessions of one client or trainer ({@code column} = id), or of everyone ({@code column} null). */
    private List<CrmSession> sessions(String column, long id, Instant from, Instant to) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.SESSIONS)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(schema.select(CrmTable.SESSIONS, "s"))
                .append(" FROM sessions s WHERE ").append(column == null ? "TRUE" : "s." + column + " = ?");
        List<Object> args = new ArrayList<>(column == null ? List.of() : List.of(id));
        if (from != null) {
            sql.append(" AND s.session_date >= ?");
            args.add(LocalDateTime.ofInstant(from, db.zone()));
        }
        if (to != null) {
            sql.append(" AND s.session_date < ?");
            args.add(LocalDateTime.ofInstant(to, db.zone()));
        }
        // Newest first under the LIMIT, oldest first in the answer.
        sql.append(" ORDER BY s.session_date DESC LIMIT ?");
        args.add(properties.maxRowsPerSource());
        List<CrmSession> sessions = read("read sessions", List.of(), jdbc -> jdbc.query(sql.toString(),
                (rs, i) -> session(rs), args.toArray()));
        return sessions.stream().sorted(Comparator.comparing(CrmSession::start)).toList();
    }

    @Override
    public List<CrmRecurringSession> recurringSessions(long clientId) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.RECURRING_SESSIONS)) {
            return List.of();
        }
        return read("read recurring sessions", List.of(), jdbc -> jdbc.query("SELECT "
                + schema.select(CrmTable.RECURRING_SESSIONS, "r") + " FROM recurring_sessions r WHERE r.client_id = ? "
                + "ORDER BY r.start_date DESC LIMIT ?", (rs, i) -> new CrmRecurringSession(rs.getLong("id"),
                rs.getLong("trainer_id"), rs.getLong("client_id"), date(rs, "start_date"), date(rs, "end_date"),
                rs.getObject("start_time", LocalTime.class), integer(rs, "duration"), rs.getString("session_type"),
                rs.getString("location"), rs.getString("recurrence_pattern"), text(rs, "recurrence_days"),
                bool(rs, "active")), clientId, properties.maxRowsPerSource()));
    }

    @Override
    public List<CrmGoal> goals(long clientId) {
        CrmSchema schema = discovery.schema();
        if (!schema.usable(CrmTable.GOALS)) {
            return List.of();
        }
        List<CrmGoal> goals = read("read goals", List.of(), jdbc -> jdbc.query("SELECT "
                + schema.select(CrmTable.GOALS, "g") + " FROM goals g WHERE g.client_id = ? ORDER BY g.id LIMIT 500",
                (rs, i) -> new CrmGoal(rs.getLong("id"), rs.getLong("client_id"), rs.getString("title"),
                        rs.getString("description"), rs.getString("category"), decimal(rs, "target_value"),
                        rs.getString("target_unit"), decimal(rs, "current_value"), date(rs, "start_date"),
                        date(rs, "target_date"), date(rs, "completed_date"), rs.getString("status"),
                        rs.getString("priority")), clientId));
        return goals.stream().sorted(Comparator.comparing((CrmGoal g) -> !g.isOpen())
                .thenComparing(CrmGoal::targetDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CrmGoal::id)).toList();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs a read; on failure logs, looks up the schema again (a column may be gone) and answers {@code empty}. */
    private <T> T read(String what, T empty, java.util.function.Function<JdbcTemplate, T> query) {
        if (!properties.enabled()) {
            return empty;
        }
        try {
            T result = db.read(query);
            lastRead.set(clock.instant());
            if (reportedReadError != null) {
                synchronized (this) {
                    reportedReadError = null;
                }
            }
            return result;
        } catch (DataAccessException | TransactionException e) {
            String reason = message(e);
            synchronized (this) {
                if (!reason.equals(reportedReadError)) {
                    log.warn("CRM: could not {} ({}); answering without the CRM", what, reason);
                    reportedReadError = reason;
                }
            }
            if (refresher != null && !refresher.isShutdown()) {
                try {
                    refresher.execute(this::refreshQuietly);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    // shutting down: nothing to refresh for
                }
            }
            return empty;
        }
    }

    private static String activeAssignment(CrmSchema schema) {
        if (!schema.has(CrmTable.ASSIGNMENTS, "status")) {
            return "";
        }
        // Constants of this class, not input: safe to write into the SQL.
        return " AND (a.status IS NULL OR lower(a.status) NOT IN ('" + String.join("','", ENDED_ASSIGNMENTS) + "'))";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private CrmClient client(ResultSet rs) throws SQLException {
        return new CrmClient(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                integer(rs, "age"), rs.getString("goals"), rs.getString("medical_conditions"), rs.getString("status"),
                rs.getString("membership_type"), date(rs, "start_date"));
    }

    private static CrmTrainer trainer(ResultSet rs) throws SQLException {
        return new CrmTrainer(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getString("specialization"), bool(rs, "active"));
    }

    private static HistoryRows.Measurement measurement(ResultSet rs) throws SQLException {
        return new HistoryRows.Measurement(date(rs, "measurement_date"), decimal(rs, "weight"),
                rs.getString("weight_unit"), decimal(rs, "body_fat_percentage"), decimal(rs, "muscle_mass"),
                decimal(rs, "chest"), decimal(rs, "waist"), decimal(rs, "hips"), decimal(rs, "thigh_left"),
                decimal(rs, "thigh_right"), decimal(rs, "arm_left"), decimal(rs, "arm_right"),
                decimal(rs, "calf_left"), decimal(rs, "calf_right"), rs.getString("measurement_unit"),
                decimal(rs, "resting_heart_rate"));
    }

    private CrmSession session(ResultSet rs) throws SQLException {
        LocalDateTime start = rs.getObject("session_date", LocalDateTime.class);
        LocalDateTime end = rs.getObject("end_time", LocalDateTime.class);
        Integer duration = integer(rs, "duration");
        if (end == null && duration != null && duration > 0) {
            end = start.plusMinutes(duration);
        }
        String status = rs.getString("status");
        Object recurring = rs.getObject("recurring_session_id");
        return new CrmSession(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("trainer_id"),
                start.atZone(db.zone()), end == null ? null : end.atZone(db.zone()), duration,
                rs.getString("session_type"), rs.getString("location"), CrmSession.Status.of(status), status,
                recurring == null ? null : ((Number) recurring).longValue());
    }

    /** The date of a column that may be a timestamp (the CRM's local time) or a date. */
    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date sqlDate) {
            return sqlDate.toLocalDate();
        }
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toLocalDate();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof Number number ? number.intValue() : null;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof Boolean b ? b : null;
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : value.toString();
    }

    private static String message(Exception e) {
        // The deepest cause says what is wrong ("database … does not exist"), not Spring's wrapper.
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

}
