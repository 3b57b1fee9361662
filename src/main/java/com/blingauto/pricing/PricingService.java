package com.blingauto.pricing;

import com.blingauto.catalog.CatalogEntry;
import com.blingauto.catalog.CatalogService;
import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Quotes (spec 04): computed from the catalogue, stored for 24 hours, re-validated on demand. */
@Service
public class PricingService {

    static final Duration VALIDITY = Duration.ofHours(24);

    private final CatalogService catalog;
    private final PricingSettings settings;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PricingService(CatalogService catalog, PricingSettings settings, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private BigDecimal taxRate(boolean applyTax) {
        return applyTax ? settings.taxRate() : BigDecimal.ZERO.setScale(4);
    }

    /** E1: duplicates (400), PRC-1 per service in request order (404, 422), PRC-2 (400); stored per PRC-5. */
    @Transactional
    public PricingApi.Quote quote(PricingApi.QuoteRequest request, CurrentUser caller) {
        List<UUID> ids = request.serviceIds();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new DomainValidationException("Duplicate services are not allowed", "service_ids");
        }
        Map<UUID, CatalogEntry> entries = catalog.findEntries(ids).stream()
                .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
        List<PricingApi.QuoteServiceItem> items = new ArrayList<>();
        for (UUID id : ids) {
            CatalogEntry entry = entries.get(id);
            if (entry == null) {
                throw new NotFoundException("Service " + id + " not found", id);
            }
            if (!entry.sellable()) {
                throw new BusinessRuleViolationException("PRC", 1, "Service '" + entry.name() + "' is not active");
            }
            items.add(QuoteRules.item(entry));
        }
        boolean applyTax = request.applyTax() == null || request.applyTax();
        boolean applyDiscounts = request.applyDiscounts() == null || request.applyDiscounts();
        PricingApi.PriceBreakdown breakdown = QuoteRules.breakdown(items, taxRate(applyTax));
        QuoteRules.checkLimits(breakdown);
        return store(breakdown, caller.id(), request.customerLocation(), applyTax, applyDiscounts);
    }

    /** E2, PRC-6: visible to its creator and to staff; re-computed from the current catalogue and tax rate. */
    @Transactional
    public PricingApi.QuoteValidation validate(String quoteId, CurrentUser caller) {
        StoredQuote stored = find(quoteId).filter(q -> q.createdBy().equals(caller.id()) || caller.role() != Role.CLIENT)
                .orElseThrow(() -> new NotFoundException("Quote not found", quoteId));
        PricingApi.PriceBreakdown quoted = stored.quote().breakdown();
        List<UUID> ids = quoted.services().stream().map(PricingApi.QuoteServiceItem::serviceId).toList();
        Map<UUID, CatalogEntry> current = catalog.findEntries(ids).stream()
                .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
        BigDecimal rate = taxRate(stored.applyTax());
        List<String> messages = QuoteRules.differences(quoted, current, rate);
        PricingApi.Quote updated = null;
        boolean allAvailable = ids.stream().allMatch(id -> current.containsKey(id) && current.get(id).sellable());
        if (!messages.isEmpty() && allAvailable) {
            PricingApi.PriceBreakdown fresh = QuoteRules.breakdown(ids.stream().map(id -> QuoteRules.item(current.get(id))).toList(), rate);
            Optional<String> broken = QuoteRules.limitBroken(fresh);
            if (broken.isPresent()) {
                messages.add(broken.get());
            } else {
                updated = store(fresh, stored.createdBy(), stored.customerLocation(), stored.applyTax(), stored.applyDiscounts());
            }
        }
        return new PricingApi.QuoteValidation(stored.quote().quoteId(), messages.isEmpty(), List.copyOf(messages), updated);
    }

    /** E3, PRC-7. */
    @Transactional(readOnly = true)
    public List<PricingApi.QuoteServiceItem> quotableServices() {
        return catalog.sellableEntries().stream().map(QuoteRules::item).toList();
    }

    private record StoredQuote(PricingApi.Quote quote, UUID createdBy, String customerLocation, boolean applyTax,
                               boolean applyDiscounts) {
    }

    private Optional<StoredQuote> find(String quoteId) {
        Optional<UUID> id = Ids.parse(quoteId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT snapshot::text AS snapshot, created_by, customer_location, apply_tax, apply_discounts
                          FROM quotes WHERE id = :id AND valid_until > :now""")
                .param("id", id.get())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new StoredQuote(json.readValue(rs.getString("snapshot"), PricingApi.Quote.class),
                        rs.getObject("created_by", UUID.class), rs.getString("customer_location"),
                        rs.getBoolean("apply_tax"), rs.getBoolean("apply_discounts")))
                .optional();
    }

    /** PRC-5: stored with its creator and inputs for 24 hours; expired quotes are purged here. */
    private PricingApi.Quote store(PricingApi.PriceBreakdown breakdown, UUID createdBy, String customerLocation,
                                   boolean applyTax, boolean applyDiscounts) {
        Instant created = now();
        PricingApi.Quote quote = new PricingApi.Quote(UUID.randomUUID(), breakdown.totalPrice(), breakdown.totalDuration(),
                breakdown.serviceCount(), created, created.plus(VALIDITY), breakdown);
        jdbc.sql("DELETE FROM quotes WHERE valid_until <= :now").param("now", Timestamp.from(created)).update();
        jdbc.sql("""
                        INSERT INTO quotes (id, created_by, customer_location, apply_tax, apply_discounts, snapshot, created_at, valid_until)
                        VALUES (:id, :createdBy, :location, :applyTax, :applyDiscounts, CAST(:snapshot AS jsonb), :createdAt, :validUntil)""")
                .param("id", quote.quoteId())
                .param("createdBy", createdBy)
                .param("location", customerLocation)
                .param("applyTax", applyTax)
                .param("applyDiscounts", applyDiscounts)
                .param("snapshot", json.writeValueAsString(quote))
                .param("createdAt", Timestamp.from(created))
                .param("validUntil", Timestamp.from(quote.validUntil()))
                .update();
        return quote;
    }
}
