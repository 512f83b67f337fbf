package dev.silkway.ingestion.ops;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Ops errors as RFC 9457 problem details; validation failures list every field in {@code errors[]}. */
@RestControllerAdvice(basePackageClasses = OpsProblemHandler.class)
class OpsProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(OpsProblem.class)
    ProblemDetail problem(OpsProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<OpsProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new OpsProblem.FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
