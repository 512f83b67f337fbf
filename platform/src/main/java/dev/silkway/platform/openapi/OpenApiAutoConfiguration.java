package dev.silkway.platform.openapi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI conventions of every application that serves {@code /v3/api-docs} (springdoc on its classpath): a
 * summary per operation ({@link OperationSummaries}), the bearer scheme where the application's security rules ask
 * for a token and the problem responses ({@link ApiConventions}). Whether an operation needs a token is asked of the
 * application's own {@link WebInvocationPrivilegeEvaluator} for an anonymous caller.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springdoc.core.customizers.GlobalOpenApiCustomizer",
            "org.springframework.security.web.access.WebInvocationPrivilegeEvaluator"
        })
public class OpenApiAutoConfiguration {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "openapi", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Bean
    OperationSummaries silkwayOperationSummaries() {
        return new OperationSummaries();
    }

    @Bean
    ApiConventions silkwayApiConventions(
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges, Environment environment) {
        return new ApiConventions(
                (method, path) -> {
                    WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
                    return evaluator != null && evaluator.isAllowed("", path, method, ANONYMOUS);
                },
                environment.getProperty("spring.application.name", "application"));
    }
}
