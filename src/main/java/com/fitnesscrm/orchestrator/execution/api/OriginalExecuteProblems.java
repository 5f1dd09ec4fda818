package com.fitnesscrm.orchestrator.execution.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem {@code POST /api/execute} answers also carries {@code success: false} and {@code error}: the main
 * backend's client of the original endpoint reads those two, whichever layer refused the request.
 */
@ControllerAdvice
class OriginalExecuteProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && "/api/execute".equals(request.getURI().getPath())) {
            problem.setProperty("success", false);
            problem.setProperty("error", problem.getDetail());
        }
        return body;
    }
}
