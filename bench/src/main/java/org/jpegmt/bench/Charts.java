package org.jpegmt.bench;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG charts of the report, drawn with XChart (headless). */
final class Charts {
    private Charts() {
    }

    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    /** The y = x line over the x range. */
    static void ideal(XYChart c, double[] xs) {
        XYSeries s = c.addSeries("ideal (speedup = cores)", xs, xs.clone());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(DOTTED);
    }

    static XYSeries line(XYChart c, String name, double[] xs, double[] ys, boolean dashed) {
        XYSeries s = c.addSeries(name, xs, ys);
        if (dashed) {
            s.setLineStyle(DASHED);
            s.setMarker(SeriesMarkers.NONE);
        }
        return s;
    }

    static XYSeries points(XYChart c, String name, double[] xs, double[] ys) {
        XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        return s;
    }

    static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setYAxisMin(0.0);
        return c;
    }

    static void bar(CategoryChart c, String name, List<String> categories, List<Double> values) {
        c.addSeries(name, categories, values);
    }

    static void save(org.knowm.xchart.internal.chartpart.IChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
