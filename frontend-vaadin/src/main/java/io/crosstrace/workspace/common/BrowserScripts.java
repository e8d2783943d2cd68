package io.crosstrace.workspace.common;

/**
 * Browser libraries from WebJars, loaded on first use from the hub itself ({@code /webjars/...}, public static
 * files): nothing is bundled at build time, and a page that never needs the library never downloads it.
 */
public final class BrowserScripts {

    public static final String HTML5_QRCODE = "webjars/html5-qrcode/2.2.1/html5-qrcode.min.js";
    public static final String CYTOSCAPE = "webjars/cytoscape/3.33.1/dist/cytoscape.min.js";
    public static final String CHART_JS = "webjars/chart.js/4.4.1/dist/chart.umd.js";

    private BrowserScripts() {
    }

    /**
     * JavaScript that loads the library at {@code url} once (relative to the page's base, the hub's context root),
     * then runs {@code body}. The library's global ({@code globalName}) tells whether it is loaded already.
     */
    public static String afterLoading(String url, String globalName, String body) {
        return """
                const ready = window.%2$s ? Promise.resolve() : (window.__ctLoading = window.__ctLoading || {},
                    window.__ctLoading['%1$s'] = window.__ctLoading['%1$s'] || new Promise((ok, ko) => {
                        const s = document.createElement('script');
                        s.src = document.baseURI.replace(/[^/]*$/, '') + '%1$s';
                        s.onload = ok; s.onerror = () => ko(new Error('could not load %1$s'));
                        document.head.appendChild(s);
                    }));
                return ready.then(() => { %3$s });
                """.formatted(url, globalName, body);
    }
}
