package dev.silkway.platform.openapi;

import io.swagger.v3.oas.models.Operation;
import java.util.Locale;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every operation a summary: the one declared with {@code @Operation(summary = ...)}, or else a sentence made
 * from the handler method's name ({@code replaceRoles} becomes "Replace roles"), so that no endpoint, present or
 * future, is documented without one.
 */
final class OperationSummaries implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(sentence(handler.getMethod().getName()));
        }
        return operation;
    }

    static String sentence(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
