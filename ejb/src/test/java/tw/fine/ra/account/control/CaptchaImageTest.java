package tw.fine.ra.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptchaImageTest {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 70;
    private static CaptchaImage captcha;

    @BeforeAll
    static void headlessLikeTheServer() {
        System.setProperty("java.awt.headless", "true");
        captcha = new CaptchaImage(WIDTH, HEIGHT);
    }

    @Test
    void pngDecodesAtTheConfiguredSize() throws IOException {
        BufferedImage image = decode(captcha.png("K7W3QZ"));
        assertNotNull(image);
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
    }

    @Test
    void imageIsNotBlank() throws IOException {
        BufferedImage image = decode(captcha.png("K7W3QZ"));
        double[] luma = new double[WIDTH * HEIGHT];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = luma(image.getRGB(i % WIDTH, i / WIDTH));
        }
        double mean = Arrays.stream(luma).average().orElseThrow();
        double variance = Arrays.stream(luma).map(l -> (l - mean) * (l - mean)).average().orElseThrow();
        assertTrue(variance > 500, () -> "variance " + variance);
    }

    @Test
    void twoRenderingsOfTheSameTextDiffer() {
        assertFalse(Arrays.equals(captcha.png("ABCDE"), captcha.png("ABCDE")));
    }

    @Test
    void everyCharacterLeavesInkInItsOwnSlot() {
        String text = "HMWX47";
        for (int round = 0; round < 20; round++) {
            BufferedImage glyphsOnly = glyphsOnWhite(text);
            double slot = (WIDTH - 2.0 * CaptchaImage.MARGIN) / text.length();
            for (int i = 0; i < text.length(); i++) {
                int centre = (int) (CaptchaImage.MARGIN + slot * (i + 0.5));
                int from = centre - (int) (slot / 4);
                int to = centre + (int) (slot / 4);
                assertTrue(inkBetween(glyphsOnly, from, to) > 40, "no ink for character " + i);
            }
        }
    }

    @Test
    void glyphsNeverTouchTheBorder() {
        for (int round = 0; round < 50; round++) {
            BufferedImage glyphsOnly = glyphsOnWhite("WMWMWM");
            for (int x = 0; x < WIDTH; x++) {
                for (int y = 0; y < HEIGHT; y++) {
                    boolean border = x < 2 || y < 2 || x >= WIDTH - 2 || y >= HEIGHT - 2;
                    if (border) {
                        assertEquals(0xFFFFFF, glyphsOnly.getRGB(x, y) & 0xFFFFFF, "ink at " + x + "," + y);
                    }
                }
            }
        }
    }

    /**
     * The reason the glyphs come from FontBox: java.awt.Font needs fonts the host may not have. The
     * child JVM gets an empty fontconfig and an empty JDK font configuration, so on Linux Java2D
     * finds no font at all (its font manager cannot even start), and the CAPTCHA must still render.
     */
    @Test
    void rendersOnAHostWithoutFonts(@TempDir Path dir) throws IOException, InterruptedException {
        Path noFontconfig = Files.writeString(dir.resolve("fonts.conf"), "<?xml version=\"1.0\"?><fontconfig></fontconfig>");
        Path noJdkFonts = Files.writeString(dir.resolve("fontconfig.properties"), "");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dsun.awt.fontconfig=" + noJdkFonts,
                "-cp", System.getProperty("java.class.path"), CaptchaWithoutFontsProbe.class.getName());
        child.environment().put("FONTCONFIG_FILE", noFontconfig.toString());
        child.redirectErrorStream(true);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(output.contains("fonts=none"), () -> "the child JVM still found fonts:\n" + output);
            assertTrue(output.contains("awt-text=failed"), () -> "java.awt could still draw text:\n" + output);
        }
        assertTrue(output.lines().anyMatch(l -> l.matches("png=[1-9][0-9]{3,}")), output);
    }

    @Test
    void charactersOutsideTheAlphabetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> captcha.png("AB0CD"));
        assertThrows(IllegalArgumentException.class, () -> captcha.png(""));
    }

    private static BufferedImage glyphsOnWhite(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        captcha.drawText(g, text);
        g.dispose();
        return image;
    }

    private static int inkBetween(BufferedImage image, int fromX, int toX) {
        int ink = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (luma(image.getRGB(x, y)) < 128) {
                    ink++;
                }
            }
        }
        return ink;
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
