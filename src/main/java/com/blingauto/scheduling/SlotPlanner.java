package com.blingauto.scheduling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The availability rules over one snapshot of the calendar and the active reservations: freedom with the
 * buffer (SCH-6), daily capacity (SCH-8), utilization (SCH-9), alternatives (SCH-11) and slot search (SCH-14),
 * inside the booking window (SCH-4). Pure: no database, no clock.
 */
final class SlotPlanner {

    static final Duration BUFFER = Duration.ofMinutes(15);
    static final Duration MIN_NOTICE = Duration.ofHours(2);
    static final Duration HORIZON = Duration.ofDays(90);
    static final int ALTERNATIVE_RESOURCES = 3;
    static final int ALTERNATIVES = 5;

    record Slot(Candidate resource, Instant start, int durationMinutes) {
        Instant end() {
            return start.plus(Duration.ofMinutes(durationMinutes));
        }
    }

    private final BusinessCalendar calendar;
    private final Map<UUID, List<Reservation>> existing;
    private final Instant earliest;
    private final Instant latest;

    /** {@code now} fixes the window of SCH-4: {@code now + 2 h ≤ start ≤ now + 90 days}. */
    SlotPlanner(BusinessCalendar calendar, List<Reservation> existing, Instant now) {
        this.calendar = calendar;
        this.existing = existing.stream().collect(Collectors.groupingBy(Reservation::resourceId));
        this.earliest = now.plus(MIN_NOTICE);
        this.latest = now.plus(HORIZON);
    }

    BusinessCalendar calendar() {
        return calendar;
    }

    Instant earliest() {
        return earliest;
    }

    Instant latest() {
        return latest;
    }

    /** SCH-4. */
    boolean inWindow(Instant start) {
        return !start.isBefore(earliest) && !start.isAfter(latest);
    }

    /** SCH-6: the occupied range {@code [s, s + d + 15 min)} meets no active reservation of the resource. */
    boolean free(Candidate resource, Instant start, int minutes) {
        Instant until = start.plus(Duration.ofMinutes(minutes)).plus(BUFFER);
        for (Reservation r : of(resource)) {
            if (r.overlaps(start, until)) {
                return false;
            }
        }
        return true;
    }

    /** SCH-8: fewer active reservations starting on the start's business date than the team's daily capacity. */
    boolean withinCapacity(Candidate resource, Instant start) {
        return !resource.hasDailyCapacity() || startingOn(resource, calendar.dateOf(start)) < resource.dailyCapacity();
    }

    boolean available(Candidate resource, Instant start, int minutes) {
        return free(resource, start, minutes) && withinCapacity(resource, start);
    }

    private long startingOn(Candidate resource, LocalDate date) {
        return of(resource).stream().filter(r -> calendar.dateOf(r.startsAt()).equals(date)).count();
    }

    private List<Reservation> of(Candidate resource) {
        return existing.getOrDefault(resource.id(), List.of());
    }

    /**
     * SCH-9 for a date, from the reservations already there: a bay's booked service minutes over its open minutes,
     * a team's reservations over its daily capacity; percent with 2 decimals.
     */
    BigDecimal utilization(Candidate resource, LocalDate date) {
        if (resource.hasDailyCapacity()) {
            return percent(startingOn(resource, date), resource.dailyCapacity());
        }
        int open = calendar.openMinutes(date);
        if (open == 0) {
            return percent(0, 1);
        }
        long minutes = of(resource).stream()
                .filter(r -> calendar.dateOf(r.startsAt()).equals(date))
                .mapToLong(r -> Duration.between(r.startsAt(), r.endsAt()).toMinutes()).sum();
        return percent(minutes, open);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /**
     * SCH-11: grid starts from {@code requested − 1 day} to {@code requested + 3 days} inside the window and the
     * opening hours, free and within capacity, on the first 3 resources; nearest to the request first, then
     * earlier, then resource order; at most 5.
     */
    List<Alternative> alternatives(Instant requested, int minutes, List<Candidate> resources) {
        List<Candidate> first = resources.subList(0, Math.min(ALTERNATIVE_RESOURCES, resources.size()));
        Instant from = requested.minus(Duration.ofDays(1));
        Instant to = requested.plus(Duration.ofDays(3));
        record Found(Slot slot, int order) {
        }
        List<Found> found = new ArrayList<>();
        for (LocalDate date = calendar.dateOf(from); !date.isAfter(calendar.dateOf(to)); date = date.plusDays(1)) {
            for (Instant start : calendar.gridStarts(date, minutes)) {
                if (start.isBefore(from) || start.isAfter(to) || !inWindow(start)) {
                    continue;
                }
                for (int i = 0; i < first.size(); i++) {
                    if (available(first.get(i), start, minutes)) {
                        found.add(new Found(new Slot(first.get(i), start, minutes), i));
                    }
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparing((Found f) -> Duration.between(f.slot().start(), requested).abs())
                        .thenComparing(f -> f.slot().start())
                        .thenComparingInt(Found::order))
                .limit(ALTERNATIVES)
                .map(f -> new Alternative(f.slot().resource().id(), f.slot().resource().type(), f.slot().start(), minutes,
                        hoursBetween(f.slot().start(), requested)))
                .toList();
    }

    static BigDecimal hoursBetween(Instant a, Instant b) {
        long seconds = Duration.between(a, b).abs().toSeconds();
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    /** SCH-14: every grid start in {@code [from, to)} inside the window and hours, on every free resource. */
    List<Slot> slots(Instant from, Instant to, int minutes, List<Candidate> resources) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = calendar.dateOf(from); !calendar.startOfDay(date).isAfter(to); date = date.plusDays(1)) {
            for (Instant start : calendar.gridStarts(date, minutes)) {
                if (start.isBefore(from) || !start.isBefore(to) || !inWindow(start)) {
                    continue;
                }
                for (Candidate resource : resources) {
                    if (available(resource, start, minutes)) {
                        slots.add(new Slot(resource, start, minutes));
                    }
                }
            }
        }
        return slots;
    }
}
