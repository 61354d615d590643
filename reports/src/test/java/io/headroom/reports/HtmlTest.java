package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAmpersandsAndBothQuotes() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;",
                Html.escape("<script>alert(1)</script> & \"x\" 'y'"));
    }

    @Test
    void returnsPlainTextUnchanged() {
        String text = "scoring-service launch day ✓";
        assertSame(text, Html.escape(text));
    }

    @Test
    void nullBecomesEmpty() {
        assertEquals("", Html.escape(null));
    }
}
