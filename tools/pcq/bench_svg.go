package main

import (
	"fmt"
	"html"
	"slices"
	"strings"
)

// The plot's geometry, in SVG user units.
const (
	svgWidth, svgHeight = 900, 480
	plotLeft, plotRight = 90, 160 // margins: axis labels, legend
	plotTop, plotBottom = 50, 60
)

var barColors = []string{"#555555", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"}

// benchSVG draws the results as grouped bars: one group per mix of
// producers and consumers, one bar per implementation, height items/s.
func benchSVG(results []benchResult, capacity int) string {
	var mixes, names []string
	top := 1.0
	for _, r := range results {
		mix := fmt.Sprintf("%dP%dC", r.producers, r.consumers)
		if !slices.Contains(mixes, mix) {
			mixes = append(mixes, mix)
		}
		if !slices.Contains(names, r.impl) {
			names = append(names, r.impl)
		}
		top = max(top, r.rate())
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", svgWidth, svgHeight)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(&b, `<text x="%d" y="28" font-size="16">pcq bench: throughput, items/s (capacity %d)</text>`+"\n", plotLeft, capacity)
	plotW, plotH := float64(svgWidth-plotLeft-plotRight), float64(svgHeight-plotTop-plotBottom)
	writeYAxis(&b, top, plotW, plotH)
	groupW := plotW / float64(len(mixes))
	barW := groupW * 0.8 / float64(len(names))
	for _, r := range results {
		g := slices.Index(mixes, fmt.Sprintf("%dP%dC", r.producers, r.consumers))
		k := slices.Index(names, r.impl)
		h := r.rate() / top * plotH
		x := plotLeft + float64(g)*groupW + groupW*0.1 + float64(k)*barW
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %dP%dC: %.3g items/s</title></rect>`+"\n",
			x, plotTop+plotH-h, barW, h, barColors[k%len(barColors)], html.EscapeString(r.impl), r.producers, r.consumers, r.rate())
	}
	for g, mix := range mixes {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", plotLeft+(float64(g)+0.5)*groupW, plotTop+plotH+20, mix)
	}
	for k, name := range names {
		y := plotTop + 10 + 20*k
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s</text>`+"\n",
			svgWidth-plotRight+20, y, barColors[k%len(barColors)], svgWidth-plotRight+38, y+11, html.EscapeString(name))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// writeYAxis draws the y axis from 0 to top with five gridlines.
func writeYAxis(b *strings.Builder, top, plotW, plotH float64) {
	for i := 0; i <= 5; i++ {
		v := top * float64(i) / 5
		y := plotTop + plotH - plotH*float64(i)/5
		fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#dddddd"/>`+"\n", plotLeft, y, plotLeft+plotW, y)
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end">%.3g</text>`+"\n", plotLeft-8, y+4, v)
	}
}
