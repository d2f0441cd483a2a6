package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// shapeColors colour the bars of the shapes, in order (Okabe and Ito's
// palette, told apart by colour-blind readers too).
var shapeColors = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // green
	{0xCC, 0x79, 0xA7, 0xFF}, // purple
	{0x56, 0xB4, 0xE9, 0xFF}, // sky
}

// barWidth is the thickness of one bar; a contestant's row holds one bar
// per shape.
const barWidth = 6 * vg.Millimeter / 2

// writePlot draws the run into the file at path, in the format its
// extension names (svg, png, pdf, ...): two panels side by side, the time
// ratios and the CPU time ratios, each a horizontal bar per contestant
// and shape, with the channel's 1× marked; the time panel alone where
// CPU time could not be read. A file it fails to write is removed.
func (t table) writePlot(path string) error {
	panels, err := t.panels()
	if err != nil {
		return err
	}
	rowHeight := barWidth * vg.Length(len(t.shapes)+1)
	width, height := 32*vg.Centimeter, rowHeight*vg.Length(len(t.rows))+3*vg.Centimeter
	canvas, err := newPlotCanvas(path, width, height)
	if err != nil {
		return err
	}
	dc := draw.New(canvas)
	if len(panels) == 1 {
		panels[0].Draw(dc)
	} else {
		// The left panel names the contestants: it gets the wider
		// part, so that both data areas come out about as wide.
		split := width * 62 / 100
		panels[0].Draw(draw.Crop(dc, 0, split-width, 0, 0))
		panels[1].Draw(draw.Crop(dc, split+5*vg.Millimeter, 0, 0, 0))
	}
	return writeFile(path, canvas)
}

// panels returns the time panel and, if CPU time was read, the CPU time
// panel.
func (t table) panels() ([]*plot.Plot, error) {
	timePanel, err := t.panel("Throughput: the channel's time over the queue's", func(r row) []float64 { return r.ratios }, true)
	if err != nil || slices.Max(t.channelCPUNs) == 0 {
		return []*plot.Plot{timePanel}, err
	}
	cpuPanel, err := t.panel("Work: the channel's CPU time over the queue's", func(r row) []float64 { return r.cpuRatios }, false)
	return []*plot.Plot{timePanel, cpuPanel}, err
}

// writeFile writes what w holds to path, and removes the file if that
// fails.
func writeFile(path string, w io.WriterTo) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	_, err = w.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("bench: writing %s: %w", path, err)
	}
	return nil
}

// legendRoom is how much longer the axis is than the longest bar, to
// make room for the legend.
const legendRoom = 1.6

// panel is one panel of the plot: a bar per contestant (top to bottom, in
// the table's order) and shape, the value ratios gives; names says
// whether the contestants are named on the left.
func (t table) panel(title string, ratios func(row) []float64, names bool) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "× the channel (above 1: better)"
	p.X.Min = 0
	p.Add(plotter.NewGrid())
	n := len(t.rows)
	longest := 1.0 // the channel's line
	for j, s := range t.shapes {
		values := make(plotter.Values, n)
		for i, r := range t.rows {
			if x := ratios(r)[j]; !math.IsNaN(x) && !math.IsInf(x, 0) {
				values[n-1-i] = x
				longest = max(longest, x)
			}
		}
		bars, err := plotter.NewBarChart(values, barWidth)
		if err != nil {
			return nil, fmt.Errorf("bench: plot: %w", err)
		}
		bars.Horizontal = true
		bars.Color = shapeColors[j%len(shapeColors)]
		bars.LineStyle.Width = 0
		bars.Offset = barWidth * vg.Length(float64(len(t.shapes)-1)/2-float64(j))
		p.Add(bars)
		p.Legend.Add(s.String(), bars)
	}
	labels := make([]string, n)
	for i, r := range t.rows {
		labels[n-1-i] = r.name + ", " + r.how
	}
	p.NominalY(labels...)
	if !names {
		p.HideY()
	}
	one, err := plotter.NewLine(plotter.XYs{{X: 1, Y: -0.5}, {X: 1, Y: float64(n) - 0.5}})
	if err != nil {
		return nil, fmt.Errorf("bench: plot: %w", err)
	}
	one.Width = vg.Points(1.5)
	one.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(one)
	p.Legend.Add("the channel (1×)", one)
	// The legend sits at the bottom right, in a band the axis keeps free
	// of bars: every bar ends before the longest one, at 1/legendRoom of
	// the axis.
	p.X.Max = longest * legendRoom
	p.Legend.XOffs = -3 * vg.Millimeter
	p.Legend.YOffs = 3 * vg.Millimeter
	return p, nil
}

// newPlotCanvas returns a canvas of the size given that writes the format
// path's extension names, or an error naming path if there is none.
func newPlotCanvas(path string, width, height vg.Length) (vg.CanvasWriterTo, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	canvas, err := draw.NewFormattedCanvas(width, height, format)
	if err != nil {
		return nil, fmt.Errorf("-plot %s: %w (svg, png, pdf, eps, jpg, tif)", path, err)
	}
	return canvas, nil
}
