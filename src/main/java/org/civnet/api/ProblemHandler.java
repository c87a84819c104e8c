package org.civnet.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.civnet.domain.ConflictException;
import org.civnet.domain.InvalidInputException;
import org.civnet.domain.InvalidInputException.FieldProblem;
import org.civnet.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.civnet.domain.PayloadTooLargeException;
import org.civnet.domain.ServiceUnavailableException;
import org.civnet.domain.OverCapacityException;

/**
 * The one place errors become RFC 9457 problem details. Bad input is always a 4xx naming each
 * field and why; an unexpected failure is a bare 500 whose details stay in the log (never a stack
 * trace or a value from the request in the response).
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail detail = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        if (e.problem() != null) {
            detail.setProperty("errors", List.of(Map.of("field", e.problem().field(), "reason", e.problem().reason())));
        }
        return detail;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage());
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage());
    }

    /** An analysis refused before it ran: the estimate and the limit it met, and when to ask again. */
    @ExceptionHandler(OverCapacityException.class)
    ResponseEntity<ProblemDetail> overCapacity(OverCapacityException e) {
        ProblemDetail detail = problem(HttpStatus.SERVICE_UNAVAILABLE, "Analysis refused", e.getMessage());
        e.figures().forEach(detail::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
        if (e.retryAfterSeconds() != null) {
            detail.setProperty("retryAfterSeconds", e.retryAfterSeconds());
            response.header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response.body(detail);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "the upload exceeds the configured limit");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        if (PayloadTooLargeException.causedBy(e)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "the upload exceeds the configured limit");
        }
        return invalid(List.of(new FieldProblem("(body)", "is not a readable multipart upload")));
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail bodyValidation(BindException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(err -> new FieldProblem(err.getField(), err.isBindingFailure()
                        ? "has the wrong type or is not an allowed value" : err.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (PayloadTooLargeException.causedBy(e)) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "the body exceeds the configured limit");
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalid(List.of(JsonProblems.describe(json)));
        }
        return invalid(List.of(new FieldProblem("(body)", "is missing or not readable JSON")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String reason = type != null && type.isEnum()
                ? "must be one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList())
                : "has the wrong type";
        return invalid(List.of(new FieldProblem(e.getName(), reason)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail methodValidation(HandlerMethodValidationException e) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid(problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "supported: " + e.getSupportedMediaTypes());
    }

    /**
     * 405 with the methods the path does support in {@code Allow}. OPTIONS is never among them
     * (the API answers it with this 405, see UnsupportedOptions); a path whose only "method" is that
     * catch-all OPTIONS mapping has no endpoint at all: 404.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        java.util.Set<HttpMethod> allowed = new java.util.LinkedHashSet<>(
                e.getSupportedHttpMethods() == null ? java.util.Set.of() : e.getSupportedHttpMethods());
        allowed.remove(HttpMethod.OPTIONS);
        if (allowed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", "no such resource"));
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
                .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not supported here; "
                        + "allowed: " + String.join(", ", allowed.stream().map(HttpMethod::name).toList())));
    }

    /** The client accepts no type this endpoint writes; the problem itself is always JSON. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "this endpoint answers with "
                        + (e.getSupportedMediaTypes().isEmpty() ? "JSON" : e.getSupportedMediaTypes().toString())
                        + "; change the Accept header"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource");
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "something went wrong on our side; the request was not completed");
    }

    static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "Invalid input", problems.stream()
                .map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        detail.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return detail;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
