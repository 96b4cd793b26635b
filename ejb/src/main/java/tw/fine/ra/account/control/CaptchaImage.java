package tw.fine.ra.account.control;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

import javax.imageio.ImageIO;

/**
 * Renders a CAPTCHA challenge to a PNG. Each character gets its own random turn, size
 * and offset, and curves cross the text, so that segmenting and template matching are
 * not enough to read it. Needs no system fonts (see {@link CaptchaGlyphs}). Thread-safe.
 */
public final class CaptchaImage {

    /** Blank border that keeps glyphs whole however they are turned. */
    static final int MARGIN = 4;
    private static final double MAX_TURN = Math.toRadians(28);

    private final int width;
    private final int height;
    private final CaptchaGlyphs glyphs;
    private final SecureRandom random = new SecureRandom();

    public CaptchaImage(int width, int height) {
        if (width < 60 || height < 24) {
            throw new IllegalArgumentException("CAPTCHA too small to read: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.glyphs = CaptchaGlyphs.of(CaptchaText.ALPHABET);
    }

    /** The text drawn as a PNG; characters must come from {@link CaptchaText#ALPHABET}. */
    public byte[] png(String text) {
        BufferedImage image = render(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    BufferedImage render(String text) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + random.nextInt(21), 235 + random.nextInt(21), 235 + random.nextInt(21)));
            g.fillRect(0, 0, width, height);
            drawCurves(g, 6, new BasicStroke(1f), 150);
            drawText(g, text);
            drawCurves(g, 3, new BasicStroke(1.6f), 60);
            drawSpeckles(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Glyph i is centred inside the i-th equal slot, so every character stays where a reader expects it. */
    void drawText(Graphics2D g, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty CAPTCHA text");
        }
        double slot = (width - 2.0 * MARGIN) / text.length();
        for (int i = 0; i < text.length(); i++) {
            Shape outline = glyphs.outline(text.charAt(i));
            g.setColor(darkColor());
            g.fill(place(outline, MARGIN + slot * i, slot));
        }
    }

    private Shape place(Shape outline, double slotLeft, double slotWidth) {
        Rectangle2D box = outline.getBounds2D();
        double turn = (random.nextDouble() * 2 - 1) * MAX_TURN;
        double size = (height - 2.0 * MARGIN) * (0.62 + random.nextDouble() * 0.2) / box.getHeight();
        // neighbours may overlap a little, which hinders cutting the text into letters
        double roomWidth = Math.min(slotWidth * 1.2, width - 2.0 * MARGIN);
        double roomHeight = height - 2.0 * MARGIN;
        Shape shape = orient(outline, box, turn, size);
        Rectangle2D placed = shape.getBounds2D();
        double shrink = Math.min(1, Math.min(roomWidth / placed.getWidth(), roomHeight / placed.getHeight()));
        if (shrink < 1) {
            shape = orient(outline, box, turn, size * shrink * 0.98);
            placed = shape.getBounds2D();
        }
        double centreX = slotLeft + slotWidth / 2 + jitter(slotWidth * 0.12);
        double centreY = height / 2.0 + jitter((roomHeight - placed.getHeight()) / 2);
        // keep the whole glyph off the margin, even in the first and last slot
        double halfW = placed.getWidth() / 2;
        centreX = Math.max(MARGIN + halfW, Math.min(width - MARGIN - halfW, centreX));
        // a turned outline's bounds are not centred on the turning point
        return AffineTransform.getTranslateInstance(centreX - placed.getCenterX(), centreY - placed.getCenterY())
                .createTransformedShape(shape);
    }

    /** Turned and scaled around the glyph's centre, flipped because font units point up. */
    private static Shape orient(Shape outline, Rectangle2D box, double turn, double size) {
        AffineTransform t = new AffineTransform();
        t.rotate(turn);
        t.scale(size, -size);
        t.translate(-box.getCenterX(), -box.getCenterY());
        return t.createTransformedShape(outline);
    }

    private void drawCurves(Graphics2D g, int count, BasicStroke stroke, int lightness) {
        g.setStroke(stroke);
        for (int i = 0; i < count; i++) {
            g.setColor(new Color(lightness + random.nextInt(60), lightness + random.nextInt(60), lightness + random.nextInt(60)));
            g.draw(new CubicCurve2D.Double(
                    random.nextInt(width / 4), random.nextInt(height),
                    random.nextInt(width), random.nextInt(height) - height / 2.0,
                    random.nextInt(width), height * 1.5 - random.nextInt(height),
                    width - random.nextInt(width / 4), random.nextInt(height)));
        }
    }

    private void drawSpeckles(Graphics2D g) {
        for (int i = 0, n = width * height / 80; i < n; i++) {
            g.setColor(random.nextBoolean() ? darkColor() : Color.WHITE);
            g.fillRect(random.nextInt(width), random.nextInt(height), 1, 1);
        }
    }

    private Color darkColor() {
        return new Color(random.nextInt(90), random.nextInt(90), 40 + random.nextInt(90));
    }

    private double jitter(double amplitude) {
        return (random.nextDouble() * 2 - 1) * Math.max(0, amplitude);
    }
}
