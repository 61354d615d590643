package io.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.headroom.reports.chart.Palette;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real headless Chromium (offline, JavaScript unused) and checks the screenshot:
 * the page painted, and the inline chart images decoded (pixels in the palette's colours appear).
 * Skips when no Chromium is on PATH — except on CI ({@code CI=true}), where a missing browser fails.
 */
class BrowserRenderingTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 60;

    static Optional<Path> findBrowser() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Screenshots {@code html} with the browser at {@code browser}; the process is killed if it outlives the timeout. */
    static Path screenshot(Path browser, Path html, Path workDir) throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot.png");
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + workDir.resolve("profile"), "--window-size=1280,2400", "--screenshot=" + png,
                html.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("browser.log").toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("the browser did not finish within " + TIMEOUT_SECONDS + " s; log: " + Files.readString(workDir.resolve("browser.log")));
            }
        } finally {
            process.destroyForcibly();
        }
        return png;
    }

    @Test
    void reportPaintsInHeadlessChromiumWithItsChartsDecoded(@TempDir Path dir) throws Exception {
        Optional<Path> browser = findBrowser();
        if (browser.isEmpty()) {
            String message = "no chromium, chromium-browser or google-chrome on PATH; install one (apt-get install -y chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " — CI must provide a browser");
            }
            Assumptions.abort(message);
        }
        Path html = CapacityReport.write(ReportInput.of(ReportScenarios.launchSpike("browser check"),
                ReportScenarios.launchSpikeRun()), dir.resolve("out"));
        Path png = screenshot(browser.get(), html, dir);
        assertTrue(Files.exists(png), "no screenshot; log: " + Files.readString(dir.resolve("browser.log")));
        BufferedImage shot = ImageIO.read(png.toFile());
        assertNotNull(shot, "the screenshot decodes");

        int total = shot.getWidth() * shot.getHeight();
        int nonWhite = 0;
        int arrivalsBlue = 0;
        int capacityGreen = 0;
        int rgbArrivals = Palette.ARRIVALS.color().getRGB() & 0xFFFFFF;
        int rgbCapacity = Palette.CAPACITY.color().getRGB() & 0xFFFFFF;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
                if (near(rgb, rgbArrivals)) {
                    arrivalsBlue++;
                }
                if (near(rgb, rgbCapacity)) {
                    capacityGreen++;
                }
            }
        }
        assertTrue(nonWhite > total / 50, "the page looks blank: " + nonWhite + " of " + total + " pixels are not white");
        assertTrue(arrivalsBlue > 500, "the traffic chart did not paint: " + arrivalsBlue + " pixels of the arrivals blue");
        assertTrue(capacityGreen > 200, "the traffic chart did not paint: " + capacityGreen + " pixels of the capacity green");
    }

    private static boolean near(int a, int b) {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) <= 24 && Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) <= 24
                && Math.abs((a & 0xFF) - (b & 0xFF)) <= 24;
    }
}
