-- wrk reporter: latency percentiles (ms) and error counts on machine-readable lines.
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("P50_MS %.2f\n", latency:percentile(50) / 1000))
    io.write(string.format("P95_MS %.2f\n", latency:percentile(95) / 1000))
    io.write(string.format("P99_MS %.2f\n", latency:percentile(99) / 1000))
    io.write(string.format("ERRORS %d\n", e.connect + e.read + e.write + e.timeout))
    io.write(string.format("NON2XX %d\n", e.status))
end
