package com.blingauto.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reservations table (SCH-12) in plain SQL: the exclusion constraint is the guard, so inserts use
 * {@code ON CONFLICT DO NOTHING} — a conflicting insert (also one racing an uncommitted insert, which it waits
 * for) returns no row instead of aborting the transaction.
 */
@Repository
class Reservations {

    private static final String COLUMNS =
            "id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at, blocked_until";

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("resource_id", UUID.class),
                ResourceType.of(rs.getString("resource_type")), rs.getString("kind"), rs.getObject("booking_id", UUID.class),
                rs.getObject("customer_id", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                instant(rs, "blocked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Inserts an active reservation unless it would overlap another one of the resource; its id when inserted. */
    Optional<UUID> tryInsert(UUID resourceId, ResourceType type, String kind, UUID bookingId, UUID customerId,
                             Instant start, Instant end, UUID createdBy, Instant now) {
        return jdbc.sql("""
                        INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at,
                                                  blocked_until, active, created_by, created_at)
                        VALUES (:id, :resource, :type, :kind, :booking, :customer, :start, :end, :blocked, TRUE, :by, :now)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("id", UUID.randomUUID()).param("resource", resourceId).param("type", type.wire()).param("kind", kind)
                .param("booking", bookingId).param("customer", customerId).param("start", ts(start)).param("end", ts(end))
                .param("blocked", ts(end.plus(SlotPlanner.BUFFER))).param("by", createdBy).param("now", ts(now))
                .query(UUID.class).optional();
    }

    /**
     * Serialises every count-then-insert on one resource until the transaction ends (SCH-8). Callers that lock
     * several resources lock them in id order, so two transactions never wait for each other in a cycle.
     */
    void lock(UUID resourceId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", resourceId.getMostSignificantBits() ^ resourceId.getLeastSignificantBits())
                .query((rs, row) -> 1).list();
    }

    /** Active reservations of the resources that touch {@code [from, to)} (by start or by blocked range). */
    List<Reservation> active(Collection<UUID> resourceIds, Instant from, Instant to) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE active AND resource_id IN (:ids) AND starts_at < :to AND blocked_until > :from")
                .param("ids", resourceIds).param("from", ts(from)).param("to", ts(to)).query(Reservations::map).list();
    }

    long countStarting(UUID resourceId, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM reservations WHERE active AND resource_id = :id AND starts_at >= :from AND starts_at < :to")
                .param("id", resourceId).param("from", ts(from)).param("to", ts(to)).query(Long.class).single();
    }

    /** FAC-8. */
    boolean activeEndingAfter(UUID resourceId, Instant now) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM reservations WHERE active AND resource_id = :id AND ends_at > :now)")
                .param("id", resourceId).param("now", ts(now)).query(Boolean.class).single();
    }

    Optional<Reservation> activeBookingReservation(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE active AND booking_id = :booking AND kind = 'booking' ORDER BY created_at, id LIMIT 1")
                .param("booking", bookingId).query(Reservations::map).optional();
    }

    Optional<Reservation> activeHold(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE active AND id = :id AND kind = 'hold'")
                .param("id", id).query(Reservations::map).optional();
    }

    int release(UUID id, Instant now) {
        return jdbc.sql("UPDATE reservations SET active = FALSE, released_at = :now WHERE id = :id AND active")
                .param("id", id).param("now", ts(now)).update();
    }

    /** Puts back a reservation released earlier in the same transaction. */
    void restore(UUID id) {
        jdbc.sql("UPDATE reservations SET active = TRUE, released_at = NULL WHERE id = :id").param("id", id).update();
    }

    int releaseAllOfBooking(UUID bookingId, Instant now) {
        return jdbc.sql("UPDATE reservations SET active = FALSE, released_at = :now WHERE booking_id = :booking AND active")
                .param("booking", bookingId).param("now", ts(now)).update();
    }
}
