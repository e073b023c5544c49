import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the sample image the README's demo encodes: smooth gradients, a fractal, sharp
 * edges, text and fine texture, so every part of a JPEG codec has work to do. It is ours
 * (no third-party pixels). Run: java samples/MakeSample.java samples/sample.png
 */
public class MakeSample {
    public static void main(String[] args) throws Exception {
        int w = 1280, h = 800;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 140), 0, h, new Color(250, 190, 120)));
        g.fillRect(0, 0, w, h);
        // a Mandelbrot set in the right half: smooth colour bands and fine detail
        for (int y = 0; y < h; y++) {
            for (int x = w / 2; x < w; x++) {
                double cr = -2.2 + 3.0 * (x - w / 2) / (w / 2.0), ci = -1.2 + 2.4 * y / h;
                double zr = 0, zi = 0;
                int n = 0;
                while (n < 96 && zr * zr + zi * zi < 4) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                if (n < 96) {
                    int r = (int) (128 + 127 * Math.sin(n * 0.21));
                    int gg = (int) (128 + 127 * Math.sin(n * 0.13 + 1));
                    int b = (int) (128 + 127 * Math.sin(n * 0.07 + 2));
                    img.setRGB(x, y, (r << 16) | (gg << 8) | b);
                } else {
                    img.setRGB(x, y, 0x101010);
                }
            }
        }
        // shapes with hard edges and saturated colours (chroma subsampling shows here)
        g.setColor(new Color(230, 30, 40));
        g.fillOval(80, 90, 260, 260);
        g.setColor(new Color(30, 200, 60));
        g.fillRect(380, 120, 200, 200);
        g.setColor(new Color(40, 40, 240));
        g.setStroke(new BasicStroke(9));
        g.drawLine(60, 420, 600, 470);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("jpegmt", 90, 560);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 22));
        g.drawString("restart markers make JPEG parallel", 92, 600);
        // fine texture: deterministic noise on a checkerboard
        Random rnd = new Random(42);
        for (int y = 640; y < h - 20; y++) {
            for (int x = 40; x < w / 2 - 40; x++) {
                int base = ((x / 16 + y / 16) & 1) == 0 ? 200 : 70;
                int v = Math.max(0, Math.min(255, base + (int) (rnd.nextGaussian() * 18)));
                img.setRGB(x, y, (v << 16) | (v << 8) | Math.min(255, v + 20));
            }
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "sample.png"));
    }
}
