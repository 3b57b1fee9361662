package com.blingauto.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.auth.AuthApi;
import com.blingauto.auth.UserContact;
import com.blingauto.auth.UserService;
import com.blingauto.catalog.ServicePriceChanged;
import com.blingauto.embedded.EmbeddedServers;
import com.blingauto.shared.Role;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.ReceivedMail;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SVC-7: the price-change events the catalogue publishes (one per customer, in its transaction) become one mail
 * per customer after commit, through GreenMail; a failed send is retried for that customer only.
 */
@IntegrationTest
class PriceChangeMailIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FailedMailRetry retry;
    @Autowired
    UserService users;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    private String email(String name) {
        return name + "-" + run + "@mail.example.com";
    }

    private UUID customer(String email, String firstName) {
        return users.create(new AuthApi.CreateUserRequest(email, "Secret-pass-1", firstName, "Customer", null, Role.CLIENT)).id();
    }

    private ServicePriceChanged changed(UUID serviceId, UUID customerId) {
        return new ServicePriceChanged(serviceId, "Deluxe Wash " + run, new BigDecimal("45.99"), new BigDecimal("49.50"), customerId);
    }

    @Test
    void contactsAnswerTheExistingUsersOnly() {
        String email = email("contact");
        UUID id = customer(email, "Carla");
        UUID unknown = UUID.randomUUID();

        Map<UUID, UserContact> contacts = users.contacts(List.of(id, unknown));

        assertThat(contacts).containsOnlyKeys(id);
        assertThat(contacts.get(id)).isEqualTo(new UserContact(id, email, "Carla Customer"));
        assertThat(users.contacts(List.of())).isEmpty();
    }

    @Test
    void eachCustomerGetsOneMailAfterCommitAndAnUnknownCustomerNone() {
        String annEmail = email("ann");
        String bobEmail = email("bob");
        UUID ann = customer(annEmail, "Ann");
        UUID bob = customer(bobEmail, "Bob");
        UUID gone = UUID.randomUUID();
        UUID serviceId = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(changed(serviceId, ann));
            events.publishEvent(changed(serviceId, bob));
            events.publishEvent(changed(serviceId, gone));
        });

        ReceivedMail mail = ReceivedMail.awaitFirst(annEmail);
        assertThat(mail.subject()).isEqualTo("New price for Deluxe Wash " + run);
        assertThat(mail.from()).isEqualTo("BlingAuto <noreply@blingauto.local>");
        assertThat(mail.to()).contains(annEmail).contains("Ann Customer");
        assertThat(mail.text()).startsWith("Hello Ann Customer,")
                .contains("\"Deluxe Wash " + run + "\" has changed from $45.99 to $49.50.")
                .contains("Your existing bookings keep the price they were booked at");
        assertThat(mail.html()).isNull();
        assertThat(ReceivedMail.awaitFirst(bobEmail).text()).startsWith("Hello Bob Customer,").contains("$49.50");
        await("the three publications are completed (and removed)").atMost(Duration.ofSeconds(15)).until(() -> publications(serviceId) == 0);
        assertThat(ReceivedMail.all(annEmail)).hasSize(1);
        assertThat(ReceivedMail.all(bobEmail)).hasSize(1);
    }

    @Test
    void nothingIsSentWhenTheTransactionRollsBack() {
        String email = email("rollback");
        UUID id = customer(email, "Rolf");
        UUID serviceId = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(changed(serviceId, id));
            status.setRollbackOnly();
        });

        assertThat(publications(serviceId)).isZero();
        sleep(500);
        assertThat(ReceivedMail.all(email)).isEmpty();
    }

    @Test
    void aFailedSendIsRetriedForThatCustomerOnly() {
        String failingEmail = email("failing");
        String deliveredEmail = email("delivered");
        UUID failing = customer(failingEmail, "Fay");
        UUID delivered = customer(deliveredEmail, "Dan");
        UUID serviceId = UUID.randomUUID();
        int smtpPort = mailSender.getPort();
        try {
            mailSender.setPort(EmbeddedServers.freePort());
            transactions.executeWithoutResult(status -> events.publishEvent(changed(serviceId, failing)));
            await("the publication is marked failed").atMost(Duration.ofSeconds(15))
                    .until(() -> count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND status = 'FAILED'",
                    "%" + failing + "%") == 1);
        } finally {
            mailSender.setPort(smtpPort);
        }
        Map<String, Object> row = jdbc.sql("SELECT listener_id, completion_date FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + failing + "%").query().singleRow();
        assertThat(row.get("listener_id")).isEqualTo("notifications.price-change-mail");
        assertThat(row.get("completion_date")).isNull();

        transactions.executeWithoutResult(status -> events.publishEvent(changed(serviceId, delivered)));
        ReceivedMail.awaitFirst(deliveredEmail);
        assertThat(ReceivedMail.all(failingEmail)).isEmpty();

        retry.resubmitFailedMails();
        assertThat(ReceivedMail.awaitFirst(failingEmail).text()).startsWith("Hello Fay Customer,");
        await("the resubmitted publication is completed").atMost(Duration.ofSeconds(15)).until(() -> publications(serviceId) == 0);
        assertThat(ReceivedMail.all(failingEmail)).hasSize(1);
        assertThat(ReceivedMail.all(deliveredEmail)).hasSize(1);
    }

    private long publications(UUID serviceId) {
        return count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", "%" + serviceId + "%");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
