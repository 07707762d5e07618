package io.unistore.bench.report;

import io.unistore.bench.Figure;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Stats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

/**
 * One PNG per section: for each figure and reference, Unistore's speed relative to the reference (the median
 * as a bar, every round as a dot), so that right of the 1.0 line means Unistore is faster and left means it is
 * slower, whether the figure is a time or a throughput.
 */
final class Charts {
    private static final int WIDTH = 1000;

    private Charts() {
    }

    /** Unistore's speed relative to a reference in each round: above 1 is faster. */
    static List<Double> relativeSpeed(Figure f, Series reference) {
        List<Double> r = f.roundRatios(reference);
        return f.lowerIsBetter() ? r.stream().map(x -> 1 / x).toList() : r;
    }

    static boolean write(SectionResult section, Path file) throws IOException {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultMultiValueCategoryDataset dots = new DefaultMultiValueCategoryDataset();
        int rows = 0;
        for (Figure f : section.figures()) {
            if (f.layerCost()) {
                continue; // the cost of a layer over Unistore itself, not a comparison: in the table only
            }
            for (Series ref : f.references()) {
                List<Double> speed = relativeSpeed(f, ref);
                if (speed.isEmpty()) {
                    continue;
                }
                String category = shorten(f.name());
                String series = "vs " + ref.label();
                bars.addValue(Stats.median(speed), series, category);
                dots.add(new ArrayList<Number>(speed), series, category);
                rows++;
            }
        }
        if (rows == 0) {
            return false;
        }
        NumberAxis axis = new NumberAxis("Unistore's speed relative to the reference (median bar, rounds as dots;"
                + " > 1 = Unistore faster)");
        axis.setAutoRangeIncludesZero(true);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        categories.setMaximumCategoryLabelLines(2);
        BarRenderer barRenderer = new BarRenderer();
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setItemMargin(0.05);
        ScatterRenderer dotRenderer = new ScatterRenderer();
        dotRenderer.setSeriesVisibleInLegend(0, false);
        dotRenderer.setDefaultSeriesVisibleInLegend(false);
        dotRenderer.setUseOutlinePaint(true);
        dotRenderer.setDefaultOutlinePaint(Color.BLACK);
        for (int i = 0; i < bars.getRowCount(); i++) {
            dotRenderer.setSeriesPaint(i, Color.DARK_GRAY);
        }
        CategoryPlot plot = new CategoryPlot(bars, categories, axis, barRenderer);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        // Dots over the bars, not hidden behind them.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker parity = new ValueMarker(1.0, Color.RED, new BasicStroke(1.5f));
        parity.setLabel("parity");
        parity.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        parity.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(parity);
        JFreeChart chart = new JFreeChart(section.title(), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int height = Math.max(260, 110 + rows * 34);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height);
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
