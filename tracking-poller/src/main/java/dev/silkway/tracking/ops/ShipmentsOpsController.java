package dev.silkway.tracking.ops;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ops/shipments?state=stuck|exception|customs-hold} (OPERATOR or ADMIN). */
@RestController
@RequestMapping("/api/v1/ops/shipments")
class ShipmentsOpsController {

    private static final int MAX_SIZE = 200;

    private final ShipmentWatch watch;

    ShipmentsOpsController(ShipmentWatch watch) {
        this.watch = watch;
    }

    @Operation(summary = "List the shipments stuck, held at customs or in exception, oldest event first")
    @GetMapping
    List<ShipmentWatch.Watched> shipments(
            @RequestParam String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        ShipmentWatch.State wanted = ShipmentWatch.State.of(state);
        if (wanted == null || page < 0 || size < 1 || size > MAX_SIZE) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "state is one of stuck, exception, customs-hold; page >= 0; size 1.." + MAX_SIZE);
            problem.setProperty(
                    "errors",
                    List.of(java.util.Map.of("field", "state", "message", "stuck, exception or customs-hold")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return watch.list(wanted, page, size);
    }
}
