package dev.silkway.sandbox.sfexpress;

import dev.silkway.sandbox.carriers.CarrierClocks;
import dev.silkway.sandbox.carriers.CarrierEvents;
import dev.silkway.sandbox.carriers.CarrierSandboxProperties;
import dev.silkway.sandbox.catalogue.Gate;
import dev.silkway.sandbox.catalogue.SandboxJson;
import dev.silkway.sandbox.journey.CarrierCalls;
import dev.silkway.sandbox.journey.JourneyEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SF Express (Fengqiao) under {@code /sf-express/std/service}: a form POST of {@code partnerID, requestID,
 * serviceCode=EXP_RECE_SEARCH_ROUTES, timestamp, msgDigest, msgData}, {@code msgDigest} =
 * Base64(MD5(urlencode(msgData + timestamp + checkWord))), a timestamp older than 15 minutes refused. The answer is
 * {@code {apiResultCode, apiErrorMsg, apiResponseID, apiResultData}} with apiResultData a JSON <em>string</em> of
 * {@code {success, errorCode, errorMsg, msgData:{routeResps:[{mailNo, routes:[{acceptTime, acceptAddress, remark,
 * opCode}]}]}}} (acceptTime in Beijing time); an unknown number has no routes. Past the rate limit: A1005 (flow controlled); a wrong digest A1006.
 */
@RestController
class SfExpressSandbox {

    static final String API = "sf-express";
    static final String SERVICE_CODE = "EXP_RECE_SEARCH_ROUTES";
    private static final int FAULT_STREAM = 400;
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);

    private final CarrierSandboxProperties.SfExpress settings;
    private final CarrierEvents events;
    private final Gate gate;
    private final CarrierCalls calls;
    private final Clock clock;

    SfExpressSandbox(
            CarrierSandboxProperties properties, CarrierEvents events, Gate gate, CarrierCalls calls, Clock clock) {
        this.settings = properties.sfExpress();
        this.events = events;
        this.gate = gate;
        this.calls = calls;
        this.clock = clock;
    }

    @PostMapping(value = "/sf-express/std/service", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<String> service(
            @RequestParam(name = "partnerID", required = false) @Nullable String partnerId,
            @RequestParam(name = "requestID", required = false) @Nullable String requestId,
            @RequestParam(name = "serviceCode", required = false) @Nullable String serviceCode,
            @RequestParam(name = "timestamp", required = false) @Nullable String timestamp,
            @RequestParam(name = "msgDigest", required = false) @Nullable String msgDigest,
            @RequestParam(name = "msgData", required = false) @Nullable String msgData) {
        calls.received(API, settings.requestsPerSecond());
        if (partnerId == null
                || requestId == null
                || serviceCode == null
                || timestamp == null
                || msgDigest == null
                || msgData == null) {
            return result("A1001", "必传参数不可为空");
        }
        if (!settings.partnerId().equals(partnerId)) {
            return result("A1004", "无对应服务权限");
        }
        if (!digest(msgData, timestamp, settings.checkWord()).equals(msgDigest)) {
            return result("A1006", "数字签名无效");
        }
        if (!timestamp.matches("\\d{10,13}")
                || Math.abs(clock.millis() - Long.parseLong(timestamp)) > TIMESTAMP_WINDOW.toMillis()) {
            return result("A1002", "请求时效已过期");
        }
        if (!SERVICE_CODE.equals(serviceCode)) {
            return result("A1004", "无对应服务权限");
        }
        switch (gate.admit(API, FAULT_STREAM, partnerId, settings.requestsPerSecond())) {
            case RATE_LIMITED -> {
                return result("A1005", "流量受控");
            }
            case SERVER_ERROR -> {
                return SandboxJson.serverError();
            }
            case PASS -> {}
        }
        JsonNode request;
        try {
            request = SandboxJson.MAPPER.readTree(msgData);
        } catch (JacksonException e) {
            return routes(null, "S0001", "msgData 格式错误");
        }
        JsonNode numbers = request == null ? null : request.path("trackingNumber");
        if (numbers == null || !numbers.isArray() || numbers.isEmpty()) {
            return routes(null, "S0002", "trackingNumber 不能为空");
        }
        if (numbers.size() > settings.maxNumbers()) {
            return routes(null, "S0003", "trackingNumber 最多" + settings.maxNumbers() + "个");
        }
        ArrayNode resps = SandboxJson.array();
        for (JsonNode number : numbers) {
            String mailNo = number.asString("");
            ArrayNode list = resps.addObject().put("mailNo", mailNo).putArray("routes");
            Optional<List<JourneyEvent>> answer = events.leg(mailNo)
                    .filter(leg -> leg.carrierCode().equals(API))
                    .flatMap(leg -> events.answer(mailNo));
            answer.orElse(List.of()).forEach(event -> {
                SfWords.Route route = SfWords.route(event);
                list.addObject()
                        .put("acceptTime", CarrierClocks.beijing(event))
                        .put("acceptAddress", route.address())
                        .put("remark", route.remark())
                        .put("opCode", route.opCode());
            });
        }
        return routes(resps, "S0000", null);
    }

    /** Base64 of the raw MD5 of the URL-encoded (UTF-8) msgData + timestamp + checkWord. */
    static String digest(String msgData, String timestamp, String checkWord) {
        try {
            String encoded = URLEncoder.encode(msgData + timestamp + checkWord, StandardCharsets.UTF_8);
            byte[] md5 = MessageDigest.getInstance("MD5").digest(encoded.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> routes(@Nullable ArrayNode resps, String errorCode, @Nullable String errorMsg) {
        ObjectNode data = SandboxJson.object().put("success", resps != null).put("errorCode", errorCode);
        data.put("errorMsg", errorMsg);
        if (resps != null) {
            data.putObject("msgData").set("routeResps", resps);
        } else {
            data.putNull("msgData");
        }
        ObjectNode root = SandboxJson.object()
                .put("apiResultCode", "A1000")
                .putNull("apiErrorMsg")
                .put("apiResponseID", java.util.UUID.randomUUID().toString().replace("-", ""))
                .put("apiResultData", SandboxJson.MAPPER.writeValueAsString(data));
        return SandboxJson.answer(HttpStatus.OK, root);
    }

    private static ResponseEntity<String> result(String code, String message) {
        ObjectNode root = SandboxJson.object()
                .put("apiResultCode", code)
                .put("apiErrorMsg", message)
                .put("apiResponseID", java.util.UUID.randomUUID().toString().replace("-", ""));
        root.putNull("apiResultData");
        return SandboxJson.answer(HttpStatus.OK, root);
    }
}
