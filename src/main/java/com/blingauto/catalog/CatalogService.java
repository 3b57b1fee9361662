package com.blingauto.catalog;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.Ids;
import com.blingauto.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue (spec 03): its commands, its cached reads, and the lookups other modules use. */
@Service
public class CatalogService {

    static final Set<String> RESERVED_CATEGORY_NAMES = Set.of("admin", "system", "internal");
    static final BigDecimal STANDARD_PRICE_CAP = new BigDecimal("500.00");
    static final int POPULAR_LIMIT = 3;

    private final CategoryRepository categories;
    private final WashServiceRepository services;
    private final CatalogQueries queries;
    private final CatalogCache cache;
    private final ObjectProvider<ServiceBookings> bookings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogService(CategoryRepository categories, WashServiceRepository services, CatalogQueries queries, CatalogCache cache,
                   ObjectProvider<ServiceBookings> bookings, ApplicationEventPublisher events, Clock clock) {
        this.categories = categories;
        this.services = services;
        this.queries = queries;
        this.cache = cache;
        this.bookings = bookings;
        this.events = events;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- commands

    /** E1, SVC-2: reserved names (400), then names unique ignoring case among ACTIVE categories (409). */
    @Transactional
    public CatalogApi.CreateCategoryResponse createCategory(CatalogApi.CreateCategoryRequest request) {
        String name = request.name();
        if (RESERVED_CATEGORY_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new DomainValidationException("Category name is reserved", "name");
        }
        if (categories.activeNameExists(name)) {
            throw categoryNameTaken(name);
        }
        Category category = Category.create(name, request.description() == null ? "" : request.description(),
                request.displayOrder() == null ? 0 : request.displayOrder(), now());
        try {
            categories.saveAndFlush(category);
        } catch (DataIntegrityViolationException e) {
            throw uniqueViolation(e) ? categoryNameTaken(name) : e;
        }
        cache.evictAfterCommit();
        return new CatalogApi.CreateCategoryResponse(category.id(), category.name(), category.description(),
                category.status(), category.displayOrder());
    }

    /**
     * E3: category exists (404), SVC-4 price cap (400), SVC-3 unique name (409), SVC-11 active category and SVC-6
     * popular limit (422). The category row is locked, so concurrent creations cannot exceed the popular limit.
     */
    @Transactional
    public CatalogApi.CreateServiceResponse createService(String categoryId, CatalogApi.CreateServiceRequest request) {
        UUID id = Ids.parse(categoryId).orElseThrow(() -> categoryNotFound(categoryId));
        Category category = categories.lockById(id).orElseThrow(() -> categoryNotFound(categoryId));
        checkPriceCap(request.price(), "price");
        String name = request.name();
        if (services.nameTakenInCategory(id, name)) {
            throw serviceNameTaken(name);
        }
        if (!category.isActive()) {
            throw new BusinessRuleViolationException("SVC", 11, "Cannot add services to inactive category");
        }
        boolean popular = Boolean.TRUE.equals(request.isPopular());
        if (popular && services.countPopular(id) >= POPULAR_LIMIT) {
            throw popularLimitReached();
        }
        WashService service = WashService.create(id, name, request.description() == null ? "" : request.description(),
                request.price(), request.durationMinutes(), popular,
                request.displayOrder() == null ? 0 : request.displayOrder(), now());
        try {
            services.saveAndFlush(service);
        } catch (DataIntegrityViolationException e) {
            throw uniqueViolation(e) ? serviceNameTaken(name) : e;
        }
        cache.evictAfterCommit();
        return CatalogApi.CreateServiceResponse.of(service);
    }

    /** E8: SVC-4 cap (400), SVC-7 archived (422), then the report of affected bookings and notified customers. */
    @Transactional
    public CatalogApi.PriceChange changePrice(String serviceId, CatalogApi.UpdatePriceRequest request) {
        WashService service = findService(serviceId);
        checkPriceCap(request.newPrice(), "new_price");
        BigDecimal oldPrice = service.price();
        service.changePrice(request.newPrice(), now());
        services.flush();
        ServiceBookings.FutureBookings future = futureBookings(service.id());
        boolean notify = request.notifyCustomers() == null || request.notifyCustomers();
        int notified = 0;
        if (notify && !future.customerIds().isEmpty()) {
            for (UUID customerId : future.customerIds()) {
                events.publishEvent(new ServicePriceChanged(service.id(), service.name(), oldPrice, service.price(), customerId));
            }
            notified = future.customerIds().size();
        }
        cache.evictAfterCommit();
        return new CatalogApi.PriceChange(service.id(), Display.money(oldPrice), Display.money(service.price()),
                Display.money(changePercent(oldPrice, service.price())), future.bookingCount(), notified,
                Display.price(service.price()));
    }

    /** SVC-7: {@code (new − old) / old × 100}, rounded once HALF_UP to 2 decimals. */
    static BigDecimal changePercent(BigDecimal oldPrice, BigDecimal newPrice) {
        if (oldPrice.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return newPrice.subtract(oldPrice).multiply(BigDecimal.valueOf(100)).divide(oldPrice, 2, RoundingMode.HALF_UP);
    }

    /** E9, SVC-6: the category row is locked while the popular services are counted. */
    @Transactional
    public CatalogApi.PopularChange setPopular(String serviceId, boolean popular) {
        WashService service = findService(serviceId);
        categories.lockById(service.categoryId());
        if (service.popular() == popular) {
            return new CatalogApi.PopularChange(service.id(), service.name(), popular, services.countPopular(service.categoryId()),
                    popular ? "Service is already popular" : "Service is already not popular");
        }
        service.markPopular(popular, now());
        if (popular && services.countPopularExcept(service.categoryId(), service.id()) >= POPULAR_LIMIT) {
            throw popularLimitReached();
        }
        services.flush();
        cache.evictAfterCommit();
        return new CatalogApi.PopularChange(service.id(), service.name(), popular, services.countPopular(service.categoryId()),
                popular ? "Service '" + service.name() + "' has been marked as popular"
                        : "Service '" + service.name() + "' has been removed from popular");
    }

    /** E10, SVC-10: ACTIVE → INACTIVE with the reason and the acting admin; INACTIVE unchanged; ARCHIVED refused. */
    @Transactional
    public CatalogApi.MessageResponse deactivate(String serviceId, String reason, CurrentUser caller) {
        WashService service = findService(serviceId);
        if (service.deactivate(reason, caller.id(), now())) {
            services.flush();
            cache.evictAfterCommit();
        }
        return new CatalogApi.MessageResponse("Service deactivated successfully");
    }

    // ---------------------------------------------------------------- reads (JSON bytes, cached)

    public byte[] categoriesJson(boolean includeInactive) {
        return cache.get("categories|" + includeInactive, () -> {
            List<CatalogApi.CategoryResponse> list = queries.categories(includeInactive);
            return new CatalogApi.CategoryList(list, list.size());
        });
    }

    public byte[] servicesJson(CatalogApi.ServiceQuery query) {
        return cache.get(query.key(), () -> queries.services(query));
    }

    public byte[] popularJson(int limit) {
        return cache.get("popular|" + limit, () -> queries.popular(limit));
    }

    public byte[] searchJson(String q, UUID categoryId, int limit) {
        return cache.get("search|" + categoryId + '|' + limit + '|' + q, () -> queries.search(q, categoryId, limit));
    }

    /** E7; a malformed or unknown id is 404 {@code Service <id> not found} (CNV-5). */
    public byte[] serviceJson(String serviceId) {
        UUID id = Ids.parse(serviceId).orElseThrow(() -> serviceNotFound(serviceId));
        return cache.get("service|" + id, () -> CatalogApi.ServiceResponse.of(
                services.findById(id).orElseThrow(() -> serviceNotFound(serviceId))));
    }

    // ---------------------------------------------------------------- lookups for other modules

    /** The services of {@code ids} that exist, in no particular order. */
    @Transactional(readOnly = true)
    public List<ServiceSnapshot> findServices(Collection<UUID> ids) {
        return queries.entries(ids).stream().map(e -> new ServiceSnapshot(e.id(), e.name(), e.categoryId(), e.price(),
                e.durationMinutes(), e.sellable(), e.status() == ServiceStatus.ARCHIVED)).toList();
    }

    /** The services of {@code ids} that exist, with their category, in no particular order. */
    @Transactional(readOnly = true)
    public List<CatalogEntry> findEntries(Collection<UUID> ids) {
        return queries.entries(ids);
    }

    /** PRC-7: every ACTIVE service of an ACTIVE category, in catalogue order. */
    @Transactional(readOnly = true)
    public List<CatalogEntry> sellableEntries() {
        return queries.sellable();
    }

    // ---------------------------------------------------------------- helpers

    private ServiceBookings.FutureBookings futureBookings(UUID serviceId) {
        ServiceBookings answer = bookings.getIfAvailable();
        return answer == null ? ServiceBookings.FutureBookings.NONE : answer.futureBookings(serviceId, clock.instant());
    }

    /** SVC-4: the standard tier caps every price at 500.00. */
    static void checkPriceCap(BigDecimal price, String field) {
        if (price.compareTo(STANDARD_PRICE_CAP) > 0) {
            throw new DomainValidationException("Price cannot exceed $500.00 for standard services", field);
        }
    }

    private WashService findService(String serviceId) {
        UUID id = Ids.parse(serviceId).orElseThrow(() -> serviceNotFound(serviceId));
        return services.findById(id).orElseThrow(() -> serviceNotFound(serviceId));
    }

    static NotFoundException serviceNotFound(String serviceId) {
        return new NotFoundException("Service " + serviceId + " not found", serviceId);
    }

    private static NotFoundException categoryNotFound(String categoryId) {
        return new NotFoundException("Category not found", categoryId);
    }

    private static ConflictException categoryNameTaken(String name) {
        return new ConflictException("Category name '" + name + "' already exists", "name");
    }

    private static ConflictException serviceNameTaken(String name) {
        return new ConflictException("Service name '" + name + "' already exists in this category", "name");
    }

    private static BusinessRuleViolationException popularLimitReached() {
        return new BusinessRuleViolationException("SVC", 6, "Category already has 3 popular services");
    }

    private static boolean uniqueViolation(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
