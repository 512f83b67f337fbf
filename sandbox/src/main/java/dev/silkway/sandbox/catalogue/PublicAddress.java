package dev.silkway.sandbox.catalogue;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where a shopper's browser reaches this sandbox, for the hosted payment pages: {@code silkway.sandbox.public-url}
 * when set (behind a proxy, or in a container the applications reach by another name), else the address the
 * current request came to.
 */
@Component
public class PublicAddress {

    private final String configured;

    public PublicAddress(Environment environment) {
        String url = environment.getProperty("silkway.sandbox.public-url", "").strip();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Scheme, host, port and context path, without a trailing slash; call it while serving a request. */
    public String base() {
        return configured.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configured;
    }
}
