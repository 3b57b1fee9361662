package com.blingauto.scheduling;

import com.blingauto.scheduling.BusinessCalendar.Break;
import com.blingauto.scheduling.BusinessCalendar.DayHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opening hours and closures as stored (SCH-1..3). */
@Repository
class CalendarStore {

    record ClosureRow(UUID id, LocalDate date, String reason, UUID createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The configured week, or empty while nothing was configured (the defaults apply). */
    Optional<Map<DayOfWeek, DayHours>> week() {
        record Row(int day, boolean closed, LocalTime open, LocalTime close) {
        }
        List<Row> rows = jdbc.sql("SELECT day_of_week, is_closed, open_time, close_time FROM business_hours")
                .query((rs, n) -> new Row(rs.getInt(1), rs.getBoolean(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, List<Break>> breaks = new java.util.HashMap<>();
        jdbc.sql("SELECT day_of_week, start_time, end_time FROM business_hour_breaks ORDER BY day_of_week, start_time")
                .query((rs, n) -> {
                    breaks.computeIfAbsent(rs.getInt(1), d -> new ArrayList<>())
                            .add(new Break(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)));
                    return 1;
                }).list();
        Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, DayHours.closedOn(day));
        }
        for (Row row : rows) {
            DayOfWeek day = DayOfWeek.of(row.day());
            week.put(day, row.closed() ? DayHours.closedOn(day)
                    : DayHours.open(day, row.open(), row.close(), breaks.getOrDefault(row.day(), List.of())));
        }
        return Optional.of(week);
    }

    /** Full replacement of the week (E7): every day gets a row, closed days without breaks. */
    void replaceWeek(Map<DayOfWeek, DayHours> week) {
        // serialises concurrent replacements of the whole week
        jdbc.sql("LOCK TABLE business_hours IN EXCLUSIVE MODE").update();
        jdbc.sql("DELETE FROM business_hour_breaks").update();
        jdbc.sql("DELETE FROM business_hours").update();
        for (DayHours day : week.values()) {
            jdbc.sql("INSERT INTO business_hours (day_of_week, is_closed, open_time, close_time) VALUES (?, ?, ?, ?)")
                    .params(day.day().getValue(), day.closed(), day.open(), day.close()).update();
            for (Break b : day.breaks()) {
                jdbc.sql("INSERT INTO business_hour_breaks (id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
                        .params(UUID.randomUUID(), day.day().getValue(), b.start(), b.end()).update();
            }
        }
    }

    Set<LocalDate> closedDates(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("SELECT date FROM closures WHERE date BETWEEN ? AND ?").params(from, to)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
    }

    List<ClosureRow> closures(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, date, reason, created_by, created_at FROM closures
                         WHERE date >= :from AND date <= :to
                         ORDER BY date""")
                .param("from", from == null ? LocalDate.of(1, 1, 1) : from).param("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .query((rs, n) -> new ClosureRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Inserts a closure unless its date is taken; false when taken. */
    boolean insertClosure(ClosureRow closure) {
        return jdbc.sql("""
                        INSERT INTO closures (id, date, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (date) DO NOTHING""")
                .params(closure.id(), closure.date(), closure.reason(), closure.createdBy(), closure.createdAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    boolean deleteClosure(UUID id) {
        return jdbc.sql("DELETE FROM closures WHERE id = ?").params(id).update() == 1;
    }
}
