package com.blingauto.platform.security;

import com.blingauto.shared.CurrentUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the user as read from the database now, and the token it presented. */
class CallerAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final Jwt token;

    CallerAuthentication(CurrentUser user, Jwt token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}
