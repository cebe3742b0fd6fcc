package be.leerid.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * What Chromium's fake camera shows ({@code --use-file-for-fake-video-capture}): a short Y4M video of a QR code held
 * up to the camera, black on white, as a printed badge is. Chromium plays it in a loop.
 */
final class FakeCamera {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 5;

    private FakeCamera() {
    }

    /** A video file showing this text's QR code. */
    static Path showing(String text) throws Exception {
        BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
        int module = Math.min(WIDTH, HEIGHT) * 3 / 4 / qr.getWidth();
        int left = (WIDTH - qr.getWidth() * module) / 2;
        int top = (HEIGHT - qr.getHeight() * module) / 2;
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 235);
        for (int y = 0; y < qr.getHeight() * module; y++) {
            for (int x = 0; x < qr.getWidth() * module; x++) {
                if (qr.get(x / module, y / module)) {
                    luma[(top + y) * WIDTH + left + x] = (byte) 16;
                }
            }
        }
        byte[] chroma = new byte[WIDTH / 2 * HEIGHT / 2];
        Arrays.fill(chroma, (byte) 128);
        Path file = Files.createTempFile("leerid-badge-camera", ".y4m");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < FRAMES; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
