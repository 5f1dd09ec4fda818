package com.fitnesscrm.orchestrator.base.api;

import java.io.IOException;

/** A request body went past {@link RequestSizeLimitFilter#MAX_BYTES}; answered 413. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + (limit / 1024 / 1024) + " MB.");
    }
}
