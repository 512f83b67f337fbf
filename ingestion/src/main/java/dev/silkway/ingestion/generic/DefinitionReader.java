package dev.silkway.ingestion.generic;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import tools.jackson.databind.JsonNode;

/**
 * Reads an operator's feed declaration field by field, collecting every problem (field path + message) instead of
 * stopping at the first, so one answer lists all that is wrong.
 */
final class DefinitionReader {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,31}$");
    private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$");
    private static final Pattern PARAM = Pattern.compile("^[A-Za-z0-9_.\\-\\[\\]]{1,64}$");
    private static final Set<String> AUTH_TYPES = Set.of("none", "api-key", "hmac");
    private static final Set<String> PAGING_TYPES = Set.of("page", "offset", "cursor");
    private static final Set<String> ALGORITHMS = Set.of("HmacSHA256", "HmacSHA512", "HmacSHA1");
    private static final Set<String> SIGNED = Set.of("timestamp-path-and-query", "path-and-query");
    /**
     * Header names a feed may not set: the target host, cookies, cloud metadata tokens, hop-by-hop headers and the
     * framing the client owns.
     */
    private static final Set<String> FORBIDDEN_HEADERS = Set.of(
            "host",
            "cookie",
            "cookie2",
            "metadata-flavor",
            "metadata",
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade",
            "content-length",
            "expect",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-real-ip");

    record Problem(String field, String message) {}

    /** A valid declaration; {@code credentials} go to the encrypted column, the rest to the definition. */
    record Declaration(
            String code,
            String name,
            String schedule,
            String timeZone,
            FeedDefinition definition,
            FeedCredentials credentials) {}

    private final List<Problem> problems = new ArrayList<>();
    private final Function<URI, Optional<String>> addressRefusal;

    private DefinitionReader(Function<URI, Optional<String>> addressRefusal) {
        this.addressRefusal = addressRefusal;
    }

    /** The declaration, or the problems with it; {@code addressRefusal} says why a well-formed base URL is refused. */
    static Result read(JsonNode body, Function<URI, Optional<String>> addressRefusal) {
        DefinitionReader reader = new DefinitionReader(addressRefusal);
        Declaration declaration = reader.declaration(body);
        return new Result(reader.problems.isEmpty() ? declaration : null, List.copyOf(reader.problems));
    }

    record Result(@Nullable Declaration declaration, List<Problem> problems) {}

    private @Nullable Declaration declaration(JsonNode body) {
        if (!body.isObject()) {
            problem("$", "a JSON object is expected");
            return null;
        }
        String code = text(body, "code", "code", true);
        if (code != null && !CODE.matcher(code).matches()) {
            problem("code", "2-32 characters: lower-case letters, digits and '-', starting with a letter or digit");
        }
        String name = text(body, "name", "name", true);
        if (name != null && name.length() > 100) {
            problem("name", "at most 100 characters");
        }
        String protocol = text(body, "protocol", "protocol", true);
        if (protocol != null && !protocol.equals("generic-json")) {
            problem("protocol", "only \"generic-json\" can be declared");
        }
        String baseUrl = text(body, "baseUrl", "baseUrl", true);
        if (baseUrl != null) {
            checkUrl(baseUrl);
        }
        String schedule = text(body, "schedule", "schedule", true);
        if (schedule != null
                && (!schedule.matches("^\\S+(\\s+\\S+){5,6}$") || !CronExpression.isValidExpression(schedule))) {
            problem("schedule", "not a Quartz cron expression (6 or 7 fields, e.g. \"0 0 * * * ?\")");
        }
        String timeZone = text(body, "timeZone", "timeZone", false);
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problem("timeZone", "not a time zone id");
            }
        }
        FeedCredentials[] credentials = {FeedCredentials.NONE};
        FeedDefinition.Auth auth = object(body, "auth", "auth", true) ? auth(body.path("auth"), credentials) : null;
        FeedDefinition.Paging paging = object(body, "paging", "paging", true) ? paging(body.path("paging")) : null;
        FeedDefinition.Mapping mapping =
                object(body, "mapping", "mapping", true) ? mapping(body.path("mapping")) : null;
        FeedDefinition.Limits limits = object(body, "limits", "limits", false) ? limits(body.path("limits")) : null;
        if (!problems.isEmpty() || auth == null || paging == null || mapping == null) {
            return null;
        }
        return new Declaration(
                code,
                name,
                schedule,
                timeZone == null ? "UTC" : timeZone,
                new FeedDefinition(baseUrl, auth, paging, mapping, limits),
                credentials[0]);
    }

    private FeedDefinition.Auth auth(JsonNode auth, FeedCredentials[] credentials) {
        String type = oneOf(auth, "type", "auth.type", AUTH_TYPES, true);
        if (type == null || type.equals("none")) {
            return FeedDefinition.Auth.none();
        }
        String header = header(auth, "header", "auth.header", true);
        String key = text(auth, "key", "auth.key", type.equals("api-key"));
        if (type.equals("api-key")) {
            credentials[0] = new FeedCredentials(key, null);
            return new FeedDefinition.Auth(type, header, null, null, null, null, null);
        }
        String secret = text(auth, "secret", "auth.secret", true);
        if (secret != null && secret.length() < 16) {
            problem("auth.secret", "at least 16 characters");
        }
        String keyHeader = header(auth, "keyHeader", "auth.keyHeader", false);
        if (keyHeader != null && key == null) {
            problem("auth.key", "required with auth.keyHeader");
        }
        String algorithm = oneOf(auth, "algorithm", "auth.algorithm", ALGORITHMS, false);
        String signed = oneOf(auth, "signed", "auth.signed", SIGNED, false);
        String encoding = oneOf(auth, "encoding", "auth.encoding", Set.of("hex", "base64"), false);
        String timestampHeader = header(auth, "timestampHeader", "auth.timestampHeader", false);
        credentials[0] = new FeedCredentials(key, secret);
        return new FeedDefinition.Auth(
                type,
                header,
                keyHeader,
                algorithm == null ? "HmacSHA256" : algorithm,
                signed == null ? "timestamp-path-and-query" : signed,
                encoding == null ? "hex" : encoding,
                timestampHeader == null ? "X-Timestamp" : timestampHeader);
    }

    private FeedDefinition.@Nullable Paging paging(JsonNode paging) {
        String type = oneOf(paging, "type", "paging.type", PAGING_TYPES, true);
        String sizeParam = param(paging, "sizeParam", "paging.sizeParam", true);
        int pageSize = integer(paging, "pageSize", "paging.pageSize", 1, 1000, 50);
        int firstPage = integer(paging, "firstPage", "paging.firstPage", 0, 1, 1);
        String totalPath = path(paging, "totalPath", "paging.totalPath", false);
        String pageParam = param(paging, "pageParam", "paging.pageParam", "page".equals(type));
        String offsetParam = param(paging, "offsetParam", "paging.offsetParam", "offset".equals(type));
        String cursorParam = param(paging, "cursorParam", "paging.cursorParam", "cursor".equals(type));
        String nextCursorPath = path(paging, "nextCursorPath", "paging.nextCursorPath", "cursor".equals(type));
        return type == null
                ? null
                : new FeedDefinition.Paging(
                        type,
                        pageParam,
                        offsetParam,
                        cursorParam,
                        sizeParam,
                        pageSize,
                        firstPage,
                        totalPath,
                        nextCursorPath);
    }

    private FeedDefinition.Limits limits(JsonNode l) {
        return new FeedDefinition.Limits(
                optionalInteger(l, "maxAnswerBytes", "limits.maxAnswerBytes", 1024, 256 << 20),
                optionalInteger(l, "answerTimeoutSeconds", "limits.answerTimeoutSeconds", 1, 600),
                optionalInteger(l, "maxPages", "limits.maxPages", 1, 10_000_000),
                optionalInteger(l, "maxRecords", "limits.maxRecords", 1, 1_000_000_000));
    }

    private @Nullable Integer optionalInteger(JsonNode node, String name, String field, int min, int max) {
        if (node.path(name).isMissingNode() || node.path(name).isNull()) {
            return null;
        }
        return integer(node, name, field, min, max, min);
    }

    private FeedDefinition.@Nullable Mapping mapping(JsonNode m) {
        String unit = oneOf(m, "priceUnit", "mapping.priceUnit", Set.of("yuan", "fen"), true);
        FeedDefinition.Skus skus = null;
        if (m.has("skus") && !m.path("skus").isNull()) {
            skus = object(m, "skus", "mapping.skus", false) ? skus(m.path("skus")) : null;
        }
        return new FeedDefinition.Mapping(
                path(m, "items", "mapping.items", true),
                path(m, "externalId", "mapping.externalId", true),
                path(m, "title", "mapping.title", true),
                path(m, "titleTranslated", "mapping.titleTranslated", false),
                path(m, "description", "mapping.description", false),
                path(m, "price", "mapping.price", true),
                unit,
                path(m, "listPrice", "mapping.listPrice", false),
                path(m, "currency", "mapping.currency", false),
                path(m, "stock", "mapping.stock", false),
                path(m, "brand", "mapping.brand", false),
                path(m, "category", "mapping.category", false),
                path(m, "categoryPath", "mapping.categoryPath", false),
                path(m, "images", "mapping.images", false),
                path(m, "rating", "mapping.rating", false),
                path(m, "reviewCount", "mapping.reviewCount", false),
                path(m, "sales", "mapping.sales", false),
                path(m, "sourceUrl", "mapping.sourceUrl", false),
                skus);
    }

    private FeedDefinition.Skus skus(JsonNode s) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (s.has("attributes")) {
            if (!s.path("attributes").isObject()) {
                problem("mapping.skus.attributes", "an object of attribute name → JSON path is expected");
            } else {
                for (var entry : s.path("attributes").properties()) {
                    String field = "mapping.skus.attributes." + entry.getKey();
                    if (entry.getKey().isBlank() || entry.getKey().length() > 64) {
                        problem(field, "attribute names are 1..64 characters");
                    }
                    String path = path(s.path("attributes"), entry.getKey(), field, true);
                    if (path != null) {
                        attributes.put(entry.getKey(), path);
                    }
                }
            }
        }
        return new FeedDefinition.Skus(
                path(s, "items", "mapping.skus.items", true),
                path(s, "id", "mapping.skus.id", true),
                path(s, "price", "mapping.skus.price", false),
                path(s, "stock", "mapping.skus.stock", false),
                attributes);
    }

    private void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                problem("baseUrl", "an absolute http(s) URL without query, fragment or credentials");
            } else {
                addressRefusal.apply(uri).ifPresent(reason -> problem("baseUrl", reason));
            }
        } catch (URISyntaxException e) {
            problem("baseUrl", "not a URL");
        }
        if (url.length() > 2048) {
            problem("baseUrl", "at most 2048 characters");
        }
    }

    private @Nullable String path(JsonNode node, String name, String field, boolean required) {
        String path = text(node, name, field, required);
        if (path == null) {
            return null;
        }
        if (!path.startsWith("$")) {
            problem(field, "a JSON path starting with '$'");
            return null;
        }
        try {
            JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            problem(field, "not a valid JSON path");
            return null;
        }
        return path;
    }

    private @Nullable String header(JsonNode node, String name, String field, boolean required) {
        String value = text(node, name, field, required);
        if (value != null && !HEADER.matcher(value).matches()) {
            problem(field, "not an HTTP header name");
        } else if (value != null && forbidden(value)) {
            problem(field, value + " cannot be set by a feed (host, cookies, cloud metadata and hop-by-hop headers)");
        }
        return value;
    }

    private static boolean forbidden(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return FORBIDDEN_HEADERS.contains(name) || name.startsWith("x-aws-ec2-metadata-token");
    }

    private @Nullable String param(JsonNode node, String name, String field, boolean required) {
        String value = text(node, name, field, required);
        if (value != null && !PARAM.matcher(value).matches()) {
            problem(field, "1..64 characters: letters, digits, '_', '.', '-', '[', ']'");
        }
        return value;
    }

    private @Nullable String oneOf(JsonNode node, String name, String field, Set<String> allowed, boolean required) {
        String value = text(node, name, field, required);
        if (value != null && !allowed.contains(value)) {
            problem(field, "one of " + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }

    private int integer(JsonNode node, String name, String field, int min, int max, int otherwise) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problem(field, "an integer within " + min + ".." + max);
            return otherwise;
        }
        return value.asInt();
    }

    private @Nullable String text(JsonNode node, String name, String field, boolean required) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            problem(field, "a string is expected");
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty()) {
            problem(field, "must not be blank");
            return null;
        }
        return text;
    }

    private boolean object(JsonNode node, String name, String field, boolean required) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return false;
        }
        if (!value.isObject()) {
            problem(field, "an object is expected");
            return false;
        }
        return true;
    }

    private void problem(String field, String message) {
        problems.add(new Problem(field, message));
    }
}
