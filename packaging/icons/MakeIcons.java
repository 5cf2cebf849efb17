import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the app icon once and writes it in the three formats jpackage wants (PNG for Linux, ICO for
 * Windows, ICNS for macOS), so no image tool is needed on a build machine. Run from the project root:
 * {@code java -Djava.awt.headless=true packaging/icons/MakeIcons.java}; the outputs are committed.
 */
public final class MakeIcons {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("packaging/icons");
        byte[] png256 = png(256);
        Files.write(dir.resolve("incident-console.png"), png256);
        Files.write(dir.resolve("incident-console.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(dir.resolve("incident-console.icns"), icns());
    }

    private static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double s = size / 256.0;
        g.setColor(new Color(0x1F2937));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        // a red beacon: the incident
        g.setColor(new Color(0xDC2626));
        g.fillOval((int) (78 * s), (int) (40 * s), (int) (100 * s), (int) (100 * s));
        g.setColor(new Color(0xF9FAFB));
        g.setStroke(new BasicStroke((float) (14 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // a checklist under it: the console
        for (int i = 0; i < 3; i++) {
            int y = (int) ((166 + i * 28) * s);
            g.drawLine((int) (64 * s), y, (int) (76 * s), y);
            g.drawLine((int) (100 * s), y, (int) (192 * s), y);
        }
        if (size >= 48) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (64 * s)));
            g.drawString("!", (int) (118 * s), (int) (114 * s));
        }
        g.dispose();
        return img;
    }

    private static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later read them). */
    private static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
        }
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (byte[] im : images) {
            total += im.length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            b.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] im : images) {
            b.put(im);
        }
        return b.array();
    }

    /** ICNS with 128 px (ic07) and 256 px (ic08) PNG entries. */
    private static byte[] icns() throws IOException {
        byte[] p128 = png(128);
        byte[] p256 = png(256);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes("icns");
        out.writeInt(8 + 8 + p128.length + 8 + p256.length);
        out.writeBytes("ic07");
        out.writeInt(8 + p128.length);
        out.write(p128);
        out.writeBytes("ic08");
        out.writeInt(8 + p256.length);
        out.write(p256);
        return bytes.toByteArray();
    }
}
