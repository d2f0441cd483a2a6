module github.com/pcqkit/pcq/tools/thirdparty

go 1.26

require (
	code.cloudfoundry.org/go-diodes v0.0.0-20231113191959-85adc333ee36
	github.com/Workiva/go-datastructures v1.1.7
	github.com/adrianbrad/queue v1.4.0
	github.com/bytedance/gopkg v0.1.4
	github.com/eapache/queue v1.1.0
	github.com/enriquebris/goconcurrentqueue v0.7.0
	github.com/golang-design/lockfree v0.0.1
	github.com/hedzr/go-ringbuf/v2 v2.2.2
	github.com/pcqkit/pcq v0.0.0
	github.com/puzpuzpuz/xsync/v4 v4.5.0
	go.uber.org/goleak v1.3.0
	gonum.org/v1/plot v0.17.0
)

require (
	codeberg.org/go-fonts/liberation v0.5.0 // indirect
	codeberg.org/go-latex/latex v0.2.0 // indirect
	codeberg.org/go-pdf/fpdf v0.11.1 // indirect
	git.sr.ht/~sbinet/gg v0.7.0 // indirect
	github.com/ajstarks/svgo v0.0.0-20211024235047-1546f124cd8b // indirect
	github.com/anishathalye/porcupine v1.3.1 // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	github.com/leanovate/gopter v0.2.11 // indirect
	github.com/petermattis/goid v0.0.0-20261109124353-7cfa343ad0ab // indirect
	golang.org/x/image v0.30.0 // indirect
	golang.org/x/sys v0.30.0 // indirect
	golang.org/x/text v0.28.0 // indirect
)

replace github.com/pcqkit/pcq => ../..
