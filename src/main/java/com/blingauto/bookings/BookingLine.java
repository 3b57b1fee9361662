package com.blingauto.bookings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/** One service of a booking, a snapshot of the catalogue taken when it was added (BOK-1). */
@Entity
@Table(name = "booking_services")
class BookingLine {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id")
    private Booking booking;
    @Column(name = "service_id")
    private UUID serviceId;
    private String name;
    private BigDecimal price;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    private int position;

    protected BookingLine() {
    }

    static BookingLine snapshot(UUID serviceId, String name, BigDecimal price, int durationMinutes) {
        BookingLine line = new BookingLine();
        line.id = UUID.randomUUID();
        line.serviceId = serviceId;
        line.name = name;
        line.price = price.setScale(2, RoundingMode.HALF_UP);
        line.durationMinutes = durationMinutes;
        return line;
    }

    void attach(Booking owner, int position) {
        this.booking = owner;
        this.position = position;
    }

    UUID serviceId() {
        return serviceId;
    }

    String name() {
        return name;
    }

    BigDecimal price() {
        return price;
    }

    int durationMinutes() {
        return durationMinutes;
    }

    int position() {
        return position;
    }
}
