package com.fitnesscrm.orchestrator.llm.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Builds {@link JdkHttpClient} on a shared transport; LangChain4j's model builder sets both timeouts from its
 * {@code timeout(...)}, and the read timeout becomes each request's (which covers connecting too).
 */
public class JdkHttpClientBuilder implements HttpClientBuilder {

    private final java.net.http.HttpClient transport;
    private Duration connectTimeout;
    private Duration readTimeout;

    public JdkHttpClientBuilder(java.net.http.HttpClient transport) {
        this.transport = transport;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public JdkHttpClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public JdkHttpClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    @Override
    public HttpClient build() {
        return new JdkHttpClient(transport, readTimeout);
    }
}
