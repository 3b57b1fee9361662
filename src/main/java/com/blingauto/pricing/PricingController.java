package com.blingauto.pricing;

import com.blingauto.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 04 E1–E3. */
@RestController
@RequestMapping("/api/v1/pricing")
@Tag(name = "pricing")
class PricingController {

    private final PricingService pricing;

    PricingController(PricingService pricing) {
        this.pricing = pricing;
    }

    @PostMapping("/quote")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Quote a set of services; the quote is kept 24 hours")
    PricingApi.Quote quote(@Valid @RequestBody PricingApi.QuoteRequest request, CurrentUser caller) {
        return pricing.quote(request, caller);
    }

    @GetMapping("/quote/{quote_id}/validate")
    @Operation(summary = "Re-check a quote against the current catalogue and tax rate (creator or staff)")
    PricingApi.QuoteValidation validate(@PathVariable("quote_id") String quoteId, CurrentUser caller) {
        return pricing.validate(quoteId, caller);
    }

    @GetMapping("/services")
    @Operation(summary = "Every service that can be quoted")
    List<PricingApi.QuoteServiceItem> services() {
        return pricing.quotableServices();
    }
}
