package org.civnet.gate;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.civnet.analysis.centrality.WriteCourtesy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the API writes in flight (every method but GET, HEAD and OPTIONS) and tells the analysis
 * sweeps, which step aside between sources while one runs ({@link WriteCourtesy}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class WriteTraffic extends OncePerRequestFilter {

    private final AtomicInteger inFlight = new AtomicInteger();

    WriteTraffic() {
        WriteCourtesy.install(() -> inFlight.get() > 0);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean write = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
        if (!write) {
            chain.doFilter(request, response);
            return;
        }
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
