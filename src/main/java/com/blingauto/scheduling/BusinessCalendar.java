package com.blingauto.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opening hours of the week, closure days and the business time zone (SCH-1..3): answers the opening-hours
 * test of SCH-16 and lays out the 30-minute grid of SCH-5. Pure: no database, no clock.
 */
final class BusinessCalendar {

    static final int GRID_MINUTES = 30;

    record Break(LocalTime start, LocalTime end) {
    }

    /** One day of the week: closed, or open from {@code open} to {@code close} without the breaks. */
    record DayHours(DayOfWeek day, boolean closed, LocalTime open, LocalTime close, List<Break> breaks) {

        static DayHours closedOn(DayOfWeek day) {
            return new DayHours(day, true, null, null, List.of());
        }

        static DayHours open(DayOfWeek day, LocalTime open, LocalTime close, List<Break> breaks) {
            return new DayHours(day, false, open, close, List.copyOf(breaks));
        }

        /** Opening time minus breaks, in minutes; 0 when closed. */
        int openMinutes() {
            if (closed) {
                return 0;
            }
            long minutes = Duration.between(open, close).toMinutes();
            for (Break b : breaks) {
                minutes -= Duration.between(b.start(), b.end()).toMinutes();
            }
            return (int) Math.max(0, minutes);
        }
    }

    /** SCH-1 decision: Monday to Saturday 08:00–18:00 without breaks, Sunday closed. */
    static Map<DayOfWeek, DayHours> defaultWeek() {
        Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day == DayOfWeek.SUNDAY ? DayHours.closedOn(day)
                    : DayHours.open(day, LocalTime.of(8, 0), LocalTime.of(18, 0), List.of()));
        }
        return week;
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, DayHours> week;
    private final Set<LocalDate> closures;

    BusinessCalendar(ZoneId zone, Map<DayOfWeek, DayHours> week, Set<LocalDate> closures) {
        this.zone = zone;
        this.week = week;
        this.closures = closures;
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The hours of a date; closed on closure days and on days without hours. */
    DayHours hoursOn(LocalDate date) {
        DayHours hours = week.get(date.getDayOfWeek());
        if (hours == null || closures.contains(date)) {
            return DayHours.closedOn(date.getDayOfWeek());
        }
        return hours;
    }

    /** SCH-16: {@code [a, b)} lies on one open, non-closure date, inside its hours and outside every break. */
    boolean within(Instant a, Instant b) {
        if (!a.isBefore(b)) {
            return false;
        }
        ZonedDateTime start = a.atZone(zone);
        ZonedDateTime end = b.atZone(zone);
        LocalDate date = start.toLocalDate();
        if (!end.toLocalDate().equals(date)) {
            return false;
        }
        DayHours hours = hoursOn(date);
        if (hours.closed()) {
            return false;
        }
        LocalTime from = start.toLocalTime();
        LocalTime to = end.toLocalTime();
        if (from.isBefore(hours.open()) || to.isAfter(hours.close())) {
            return false;
        }
        for (Break br : hours.breaks()) {
            if (from.isBefore(br.end()) && br.start().isBefore(to)) {
                return false;
            }
        }
        return true;
    }

    /** Grid starts ({@code HH:00}, {@code HH:30} local) of a date whose interval of {@code minutes} passes SCH-16. */
    List<Instant> gridStarts(LocalDate date, int minutes) {
        DayHours hours = hoursOn(date);
        List<Instant> starts = new ArrayList<>();
        if (hours.closed()) {
            return starts;
        }
        int first = hours.open().getHour() * 60 + hours.open().getMinute() + (hours.open().getSecond() > 0 ? 1 : 0);
        first = (first + GRID_MINUTES - 1) / GRID_MINUTES * GRID_MINUTES;
        for (int m = first; m < 24 * 60; m += GRID_MINUTES) {
            ZonedDateTime local = date.atTime(m / 60, m % 60).atZone(zone);
            if (!local.toLocalDate().equals(date) || local.toLocalTime().getHour() * 60 + local.toLocalTime().getMinute() != m) {
                continue; // a daylight-saving gap
            }
            Instant s = local.toInstant();
            Instant e = s.plus(Duration.ofMinutes(minutes));
            if (within(s, e)) {
                starts.add(s);
            }
        }
        return starts;
    }

    int openMinutes(LocalDate date) {
        return hoursOn(date).openMinutes();
    }
}
