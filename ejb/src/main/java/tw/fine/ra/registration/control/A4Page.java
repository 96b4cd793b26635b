package tw.fine.ra.registration.control;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Positions on an A4 sheet in millimetres as a printed form gives them, turned into PDF points. */
final class A4Page {

    static final float MM = 72f / 25.4f;
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float LEFT = mm(20);
    static final float RIGHT = mm(190);
    static final float WIDTH = RIGHT - LEFT;

    private A4Page() {
    }

    static float mm(float millimetres) {
        return millimetres * MM;
    }

    /** PDF measures upwards from the bottom edge; forms measure downwards from the top. */
    static float fromTop(float millimetres) {
        return SIZE.getHeight() - mm(millimetres);
    }
}
