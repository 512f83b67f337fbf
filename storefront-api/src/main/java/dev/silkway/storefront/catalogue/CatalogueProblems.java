package dev.silkway.storefront.catalogue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalogue's failures as problem+json: bad parameters name themselves, search outages are a 503. */
@RestControllerAdvice(assignableTypes = CatalogueController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueProblems {

    static final String TYPE_BASE = "https://silkway.dev/problems/";
    private static final Logger log = LoggerFactory.getLogger(CatalogueProblems.class);

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalid(InvalidParameter e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(ProductNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ProductNotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "product-not-found"));
        problem.setTitle("Product not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> refused(ElasticsearchException e) {
        if (e.status() == 400) {
            // A query the index cannot run (e.g. too many clauses): the shopper's text, not our bug.
            return badRequest("q", "The search text cannot be searched; shorten or simplify it.");
        }
        return unavailable(e);
    }

    @ExceptionHandler({IOException.class, TransportException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Product search unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable for a moment; try again shortly.");
        problem.setType(URI.create(TYPE_BASE + "search-unavailable"));
        problem.setTitle("Search unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> badRequest(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + message);
        problem.setType(URI.create(TYPE_BASE + "invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", parameter);
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }
}
