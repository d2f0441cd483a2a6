module github.com/pcqkit/pcq/tools/thirdparty

go 1.26

require (
	code.cloudfoundry.org/go-diodes v0.0.0-20231113191959-85adc333ee36
	github.com/Workiva/go-datastructures v1.1.7
	github.com/adrianbrad/queue v1.4.0
	github.com/eapache/queue v1.1.0
	github.com/enriquebris/goconcurrentqueue v0.7.0
	github.com/golang-design/lockfree v0.0.1
	github.com/hedzr/go-ringbuf/v2 v2.2.2
	github.com/pcqkit/pcq v0.0.0
	go.uber.org/goleak v1.3.0
)

require (
	github.com/anishathalye/porcupine v1.3.1 // indirect
	github.com/bytedance/gopkg v0.1.4 // indirect
	github.com/leanovate/gopter v0.2.11 // indirect
	github.com/petermattis/goid v0.0.0-20261109124353-7cfa343ad0ab // indirect
	github.com/puzpuzpuz/xsync/v4 v4.5.0 // indirect
	golang.org/x/sys v0.30.0 // indirect
)

replace github.com/pcqkit/pcq => ../..
