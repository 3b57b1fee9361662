package com.blingauto.bookings;

import com.blingauto.bookings.BookingsApi.BookingList;
import com.blingauto.bookings.BookingsApi.BookingStats;
import com.blingauto.bookings.BookingsApi.BookingSummary;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.ForbiddenException;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of spec 05: the list (E2, BOK-20) and the statistics (E6, BOK-22), in plain SQL. */
@Service
public class BookingQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    BookingQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A bound of a date-or-datetime filter: a date means its whole UTC day (CNV-19, CNV-20). */
    record Bound(Instant at, boolean exclusive) {
    }

    static Bound lower(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date = date(raw);
        if (date != null) {
            return new Bound(date.atStartOfDay().toInstant(ZoneOffset.UTC), false);
        }
        return new Bound(datetime(raw, field), false);
    }

    static Bound upper(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date = date(raw);
        if (date != null) {
            return new Bound(date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), true);
        }
        return new Bound(datetime(raw, field), false);
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant datetime(String raw, String field) {
        Instant parsed = FlexibleInstantDeserializer.parse(raw.strip());
        if (parsed == null) {
            throw new InvalidRequestException("query -> " + field, "Input should be a valid date or datetime", "format_invalid");
        }
        return parsed;
    }

    private static void checkOrder(Bound start, Bound end) {
        if (start != null && end != null
                && (end.exclusive() ? !start.at().isBefore(end.at()) : start.at().isAfter(end.at()))) {
            throw new DomainValidationException("start_date must be on or before end_date", "start_date");
        }
    }

    /** E2 with BOK-19 visibility and BOK-20 defaults; order scheduled_at descending, then id. */
    @Transactional(readOnly = true)
    public BookingList list(CurrentUser caller, UUID customerId, BookingStatus status, String startDate, String endDate,
                            int page, int limit) {
        Bound start = lower(startDate, "start_date");
        Bound end = upper(endDate, "end_date");
        checkOrder(start, end);
        if (caller.role() == Role.CLIENT) {
            if (customerId != null && !customerId.equals(caller.id())) {
                throw new ForbiddenException("You can only view your own bookings");
            }
            customerId = caller.id();
        } else if (customerId == null && status == null && start == null && end == null) {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            start = new Bound(today.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC), false);
            end = new Bound(now, false);
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (customerId != null) {
            where.append(" AND b.customer_id = :customer");
            params.put("customer", customerId);
        }
        if (status != null) {
            where.append(" AND b.status = :status");
            params.put("status", status.wire());
        }
        if (start != null) {
            where.append(" AND b.scheduled_at >= :start");
            params.put("start", Timestamp.from(start.at()));
        }
        if (end != null) {
            where.append(end.exclusive() ? " AND b.scheduled_at < :end" : " AND b.scheduled_at <= :end");
            params.put("end", Timestamp.from(end.at()));
        }
        long total = jdbc.sql("SELECT count(*) FROM bookings b" + where).params(params).query(Long.class).single();
        List<BookingSummary> items = new ArrayList<>();
        long offset = (long) (page - 1) * limit;
        if (offset < total) {
            params.put("limit", limit);
            params.put("offset", offset);
            items = jdbc.sql("""
                            SELECT b.id, b.customer_id, b.vehicle_id, b.status, b.scheduled_at, b.total_price,
                                   b.estimated_duration_minutes, b.booking_type, b.created_at,
                                   (SELECT count(*) FROM booking_services s WHERE s.booking_id = b.id) AS services_count
                              FROM bookings b""" + where + " ORDER BY b.scheduled_at DESC, b.id LIMIT :limit OFFSET :offset")
                    .params(params)
                    .query((rs, n) -> new BookingSummary(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                            rs.getObject("vehicle_id", UUID.class), BookingStatus.fromWire(rs.getString("status")),
                            rs.getTimestamp("scheduled_at").toInstant(), rs.getBigDecimal("total_price"),
                            rs.getInt("estimated_duration_minutes"), rs.getInt("services_count"),
                            BookingType.fromWire(rs.getString("booking_type")), rs.getTimestamp("created_at").toInstant()))
                    .list();
        }
        return new BookingList(items, total, page, limit, (long) page * limit < total);
    }

    /** E6, BOK-22: counts per status and the revenue of ANL-1 over an inclusive date range. */
    @Transactional(readOnly = true)
    public BookingStats stats(LocalDate startDate, LocalDate endDate) {
        if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
            throw new DomainValidationException("start_date must be on or before end_date", "start_date");
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (startDate != null) {
            where.append(" AND scheduled_at >= :start");
            params.put("start", Timestamp.from(startDate.atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (endDate != null) {
            where.append(" AND scheduled_at < :end");
            params.put("end", Timestamp.from(endDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE status = 'pending') AS pending,
                               count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
                               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
                               count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
                               count(*) FILTER (WHERE status = 'completed') AS completed,
                               count(*) FILTER (WHERE status = 'no_show') AS no_show,
                               COALESCE(sum(total_price) FILTER (WHERE status IN ('confirmed', 'in_progress')), 0)
                             + COALESCE(sum(total_price + overtime_charges) FILTER (WHERE status = 'completed'), 0) AS revenue
                          FROM bookings""" + where)
                .params(params)
                .query((rs, n) -> new BookingStats(rs.getLong("total"), rs.getLong("pending"), rs.getLong("confirmed"),
                        rs.getLong("cancelled"), rs.getBigDecimal("revenue").setScale(2, java.math.RoundingMode.HALF_UP),
                        rs.getLong("in_progress"), rs.getLong("completed"), rs.getLong("no_show")))
                .single();
    }

    /** STF-13: the bookings user U completed, their final prices and their ratings (null average when none rated). */
    public record CompletedWork(long completed, java.math.BigDecimal revenue, java.math.BigDecimal averageRating) {
    }

    @Transactional(readOnly = true)
    public CompletedWork completedBy(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) AS completed,
                               COALESCE(sum(total_price + overtime_charges), 0) AS revenue,
                               round(avg(quality_rating), 2) AS average_rating
                          FROM bookings WHERE status = 'completed' AND completed_by = :user""")
                .param("user", userId)
                .query((rs, n) -> new CompletedWork(rs.getLong("completed"),
                        rs.getBigDecimal("revenue").setScale(2, java.math.RoundingMode.HALF_UP), rs.getBigDecimal("average_rating")))
                .single();
    }
}
