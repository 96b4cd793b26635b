package tw.fine.ra.account.control;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;

/**
 * Run in a child JVM that sees no fonts; tells whether AWT found any, whether java.awt could draw
 * text, and how large the CAPTCHA came out.
 */
public final class CaptchaWithoutFontsProbe {

    private CaptchaWithoutFontsProbe() {
    }

    public static void main(String[] args) {
        String fonts;
        try {
            fonts = String.valueOf(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length);
        } catch (Throwable noFonts) {
            fonts = "none";
        }
        System.out.println("fonts=" + fonts);
        String awtText;
        try {
            Graphics2D g = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB).createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("A", 2, 15);
            awtText = "ok";
        } catch (Throwable noFonts) {
            awtText = "failed";
        }
        System.out.println("awt-text=" + awtText);
        System.out.println("png=" + new CaptchaImage(200, 70).png("HX7K2P").length);
    }
}
