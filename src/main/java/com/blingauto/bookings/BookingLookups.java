package com.blingauto.bookings;

import com.blingauto.catalog.ServiceBookings;
import com.blingauto.scheduling.SlotBooking;
import com.blingauto.scheduling.SlotBookings;
import com.blingauto.vehicles.VehicleBookings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions other modules ask about bookings, declared by them so that the dependency graph stays acyclic:
 * VEH-5 (vehicles), SVC-7 (catalog), SCH-13 (scheduling).
 */
@Component
class BookingLookups implements VehicleBookings, ServiceBookings, SlotBookings {

    private final JdbcClient jdbc;

    BookingLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasActiveBookings(UUID vehicleId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM bookings
                                        WHERE vehicle_id = :vehicle AND status IN ('pending', 'confirmed', 'in_progress'))""")
                .param("vehicle", vehicleId).query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public FutureBookings futureBookings(UUID serviceId, Instant now) {
        Set<UUID> customers = new HashSet<>();
        int[] count = {0};
        jdbc.sql("""
                        SELECT b.customer_id FROM bookings b JOIN booking_services s ON s.booking_id = b.id
                         WHERE s.service_id = :service AND b.status IN ('pending', 'confirmed') AND b.scheduled_at > :now""")
                .param("service", serviceId).param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list()
                .forEach(customer -> {
                    count[0]++;
                    customers.add(customer);
                });
        return new FutureBookings(count[0], customers);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SlotBooking> find(UUID bookingId) {
        return jdbc.sql("SELECT id, customer_id, status FROM bookings WHERE id = :id").param("id", bookingId)
                .query((rs, n) -> new SlotBooking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
    }
}
