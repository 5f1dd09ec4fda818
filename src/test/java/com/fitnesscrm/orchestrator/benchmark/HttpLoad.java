package com.fitnesscrm.orchestrator.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator cheap enough to share two cores with the app it measures: raw keep-alive HTTP/1.1 sockets, one
 * prepared request, one platform thread per connection, no client library in the way.
 * <p>
 * Saturated, each connection sends back to back. Paced (wrk2-style), each connection has its own schedule of
 * intended send times at {@code rate / connections}, and latency is measured from the <em>intended</em> time: a stall
 * counts against every request queued behind it (coordinated omission corrected), so the figures are what a client
 * sending at that rate would see.
 */
final class HttpLoad {

    private final String host;
    private final int port;
    private final byte[] request;

    private HttpLoad(String host, int port, byte[] request) {
        this.host = host;
        this.port = port;
        this.request = request;
    }

    /** {@code GET path} when {@code body} is null, otherwise {@code POST path} with a JSON body. */
    static HttpLoad of(int port, String path, String body, String bearer) {
        StringBuilder head = new StringBuilder().append(body == null ? "GET " : "POST ").append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nAccept: application/json\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        byte[] headers = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headers, headers.length + content.length);
        System.arraycopy(content, 0, request, headers.length, content.length);
        return new HttpLoad("127.0.0.1", port, request);
    }

    /** {@code connections} clients sending back to back for {@code duration}. */
    RuntimeBenchmark.Result saturated(int connections, Duration duration) throws InterruptedException {
        return run(connections, duration, 0, 0);
    }

    /**
     * {@code connections} clients sending back to back until {@code count} requests have been sent in all (or an
     * hour has passed, which no benchmark here comes near).
     */
    RuntimeBenchmark.Result count(int connections, int count) throws InterruptedException {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return run(connections, Duration.ofHours(1), 0, count);
    }

    /** {@code connections} clients sending {@code ratePerSecond} requests in all, evenly spaced, for {@code duration}. */
    RuntimeBenchmark.Result paced(int connections, double ratePerSecond, Duration duration)
            throws InterruptedException {
        return run(connections, duration, ratePerSecond, 0);
    }

    /** {@code limit}: the requests to send in all, 0 for as many as {@code duration} takes. */
    private RuntimeBenchmark.Result run(int connections, Duration duration, double rate, int limit)
            throws InterruptedException {
        AtomicInteger left = new AtomicInteger(limit);
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime() + 50_000_000; // all threads up before the first intended send
        long end = start + duration.toNanos();
        // Each connection's own period, its first send offset so that the connections do not send in bursts.
        long period = rate > 0 ? (long) (1e9 * connections / rate) : 0;
        for (int c = 0; c < connections; c++) {
            int index = c;
            long first = start + (rate > 0 ? period * c / connections : 0);
            threads[c] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                Connection connection = null;
                try {
                    long intended = first;
                    while (true) {
                        long now = System.nanoTime();
                        if (rate > 0) {
                            while (now < intended) {
                                LockSupport.parkNanos(intended - now);
                                now = System.nanoTime();
                            }
                        } else {
                            intended = now;
                        }
                        if (intended >= end || limit > 0 && left.getAndDecrement() <= 0) {
                            break;
                        }
                        if (connection == null) {
                            connection = new Connection(host, port);
                        }
                        int status = connection.exchange(request);
                        if (connection.closing) {
                            // Tomcat closes a keep-alive connection after maxKeepAliveRequests (100): open another.
                            connection.close();
                            connection = null;
                        }
                        long latency = System.nanoTime() - intended;
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = latency;
                        if (status < 200 || status > 299) {
                            errors.incrementAndGet();
                        }
                        intended += period;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                }
                latencies[index] = mine;
                counts[index] = count;
            }, "http-load-" + c);
            threads[c].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Requests sent before the end and answered after it count: the time runs to the last answer.
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new RuntimeBenchmark.Result(all, seconds, errors.get());
    }

    /** One keep-alive connection: writes the request, reads the status line, headers and a Content-Length body. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] skip = new byte[8192];
        private boolean closing;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("Connection")) {
                    closing = header.toLowerCase(java.util.Locale.ROOT).contains("close");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = header.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim().split(";")[0], 16); size > 0;
                     size = Long.parseLong(line().trim().split(";")[0], 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return status;
        }

        private void skip(long length) throws IOException {
            while (length > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, length));
                if (read < 0) {
                    throw new IOException("closed in the body");
                }
                length -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("closed in the headers");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to read from it
            }
        }
    }
}
