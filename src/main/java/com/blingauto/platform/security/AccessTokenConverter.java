package com.blingauto.platform.security;

import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.CurrentUser;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified JWT into the caller, checking the rules of CNV-36 in their order. */
class AccessTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ObjectProvider<AccountDirectory> accounts;

    AccessTokenConverter(ObjectProvider<AccountDirectory> accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (!"access".equals(jwt.getClaimAsString("type"))) {
            throw new TokenRejectedException("Invalid token");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new TokenRejectedException("Invalid token payload");
        }
        UUID userId;
        try {
            userId = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException("Invalid token payload");
        }
        AccountDirectory directory = accounts.getIfAvailable();
        if (directory == null) {
            throw new TokenRejectedException("User not found");
        }
        AccountDirectory.Lookup lookup = directory.lookup(userId, jwt.getId());
        if (lookup.tokenRevoked()) {
            throw new TokenRejectedException("Token has been revoked");
        }
        AccountDirectory.Account account = lookup.account();
        if (account == null) {
            throw new TokenRejectedException("User not found");
        }
        if (!account.active()) {
            throw new TokenRejectedException("User account is inactive");
        }
        return new CallerAuthentication(new CurrentUser(account.id(), account.email(), account.role(), jwt.getId(),
                jwt.getExpiresAt()), jwt);
    }
}
