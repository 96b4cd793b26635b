package tw.fine.ra.account.control;

import java.awt.GraphicsEnvironment;

/** Run in a child JVM that sees no fonts; tells whether AWT found any and how large the CAPTCHA came out. */
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
        System.out.println("png=" + new CaptchaImage(200, 70).png("HX7K2P").length);
    }
}
