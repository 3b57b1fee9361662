package com.blingauto.bookings;

import static com.blingauto.bookings.BookingStatus.CANCELLED;
import static com.blingauto.bookings.BookingStatus.COMPLETED;
import static com.blingauto.bookings.BookingStatus.CONFIRMED;
import static com.blingauto.bookings.BookingStatus.IN_PROGRESS;
import static com.blingauto.bookings.BookingStatus.NO_SHOW;
import static com.blingauto.bookings.BookingStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.shared.BusinessRuleViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** BOK-8: every (from, to) pair of the transition table, and what each endpoint's method does in each state. */
class BookingStateMachineTests {

    private static final Set<List<BookingStatus>> ALLOWED = Set.of(
            List.of(PENDING, CONFIRMED), List.of(PENDING, CANCELLED),
            List.of(CONFIRMED, IN_PROGRESS), List.of(CONFIRMED, CANCELLED), List.of(CONFIRMED, NO_SHOW),
            List.of(IN_PROGRESS, COMPLETED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingStatus to : BookingStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void transitionTable(BookingStatus from, BookingStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @Test
    void thirtySixPairsSixAllowed() {
        assertThat(everyPair().count()).isEqualTo(36);
        assertThat(everyPair().filter(a -> (boolean) a.get()[2]).count()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void onlyPendingConfirmedAndInProgressAreActive(BookingStatus status) {
        assertThat(status.isActive()).isEqualTo(status == PENDING || status == CONFIRMED || status == IN_PROGRESS);
    }

    // ---- the aggregate's methods, driven from every state

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void confirm(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == PENDING) {
            b.confirm(Bookings.STAFF, "ok", Bookings.clock());
            assertThat(b.status()).isEqualTo(CONFIRMED);
            assertThat(b.confirmedAt()).isEqualTo(Bookings.NOW);
            assertThat(b.confirmedBy()).isEqualTo(Bookings.STAFF);
        } else {
            assertRule(() -> b.confirm(Bookings.STAFF, null, Bookings.clock()), "RG-BOK-009",
                    "Can only confirm pending bookings, current status: " + from.wire());
            assertThat(b.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void start(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == CONFIRMED) {
            b.start(Bookings.STAFF, Bookings.clock());
            assertThat(b.status()).isEqualTo(IN_PROGRESS);
            assertThat(b.actualStartTime()).isEqualTo(Bookings.NOW);
            assertThat(b.startedBy()).isEqualTo(Bookings.STAFF);
        } else {
            assertRule(() -> b.start(Bookings.STAFF, Bookings.clock()), "RG-BOK-009",
                    "Can only start confirmed bookings, current status: " + from.wire());
            assertThat(b.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void complete(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == IN_PROGRESS) {
            b.complete(Bookings.STAFF, null, Bookings.clock(Duration.between(Bookings.NOW, b.actualStartTime()).plusMinutes(60)));
            assertThat(b.status()).isEqualTo(COMPLETED);
            assertThat(b.completedBy()).isEqualTo(Bookings.STAFF);
        } else {
            assertRule(() -> b.complete(Bookings.STAFF, null, Bookings.clock()), "RG-BOK-009",
                    "Can only complete in-progress bookings, current status: " + from.wire());
            assertThat(b.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void cancel(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == PENDING || from == CONFIRMED) {
            b.cancel(Bookings.CUSTOMER, "changed plans", Bookings.clock());
            assertThat(b.status()).isEqualTo(CANCELLED);
            assertThat(b.cancelledBy()).isEqualTo(Bookings.CUSTOMER);
            assertThat(b.cancelledAt()).isEqualTo(Bookings.NOW);
            assertThat(b.cancellationReason()).isEqualTo("changed plans");
            assertThat(b.notes()).endsWith("Cancellation reason: changed plans");
        } else {
            assertRule(() -> b.cancel(Bookings.CUSTOMER, "x", Bookings.clock()), "RG-BOK-009",
                    "Cannot cancel booking with status: " + from.wire());
            assertThat(b.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void noShow(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        var late = Bookings.clock(Duration.between(Bookings.NOW, b.scheduledAt()).plusMinutes(30));
        if (from == CONFIRMED) {
            b.markNoShow(Bookings.STAFF, "absent", late);
            assertThat(b.status()).isEqualTo(NO_SHOW);
            assertThat(b.cancellationFee()).isEqualByComparingTo(b.totalPrice());
            assertThat(b.noShowMarkedBy()).isEqualTo(Bookings.STAFF);
            assertThat(b.cancellationReason()).isEqualTo("absent");
        } else {
            assertRule(() -> b.markNoShow(Bookings.STAFF, "absent", late), "RG-BOK-011",
                    "Can only mark confirmed bookings as no-show");
            assertThat(b.status()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void rescheduleAndUpdateOnlyPendingOrConfirmed(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        boolean open = from == PENDING || from == CONFIRMED;
        if (open) {
            b.checkUpdatable();
            b.reschedule(Bookings.NOW.plus(Duration.ofDays(3)), null, "new_scheduled_at", Bookings.clock());
            assertThat(b.status()).isEqualTo(from);
        } else {
            assertRule(b::checkUpdatable, "RG-BOK-024", "Can only update pending or confirmed bookings");
            assertRule(() -> b.reschedule(Bookings.NOW.plus(Duration.ofDays(3)), null, "new_scheduled_at", Bookings.clock()),
                    "RG-BOK-012", "Can only reschedule pending or confirmed bookings");
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void serviceChangesOnlyPending(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == PENDING) {
            b.addServices(List.of(Bookings.line(30)), Bookings.clock());
            assertThat(b.lines()).hasSize(2);
        } else {
            assertRule(() -> b.addServices(List.of(Bookings.line(30)), Bookings.clock()), "RG-BOK-013",
                    "Can only add services to pending bookings");
            assertRule(() -> b.replaceServices(List.of(Bookings.line(30)), Bookings.clock()), "RG-BOK-013",
                    "Can only update services for pending bookings");
            assertRule(() -> b.removeService(UUID.randomUUID(), Bookings.clock()), "RG-BOK-014",
                    "Can only remove services from pending bookings");
        }
    }

    @ParameterizedTest
    @EnumSource(BookingStatus.class)
    void rateOnlyCompleted(BookingStatus from) {
        Booking b = Bookings.inStatus(from);
        if (from == COMPLETED) {
            b.rate(5, "great", Bookings.clock());
            assertThat(b.rating()).isEqualTo(5);
            assertRule(() -> b.rate(4, null, Bookings.clock()), "RG-BOK-016", "Booking has already been rated");
        } else {
            assertRule(() -> b.rate(5, null, Bookings.clock()), "RG-BOK-016", "Can only rate completed bookings");
        }
    }

    static void assertRule(Runnable action, String rule, String message) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleViolationException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).details()).containsEntry("rule", rule));
    }
}
